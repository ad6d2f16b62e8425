package io.wxhub.sandbox.quota;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import io.wxhub.sandbox.system.SandboxProperties;
import io.wxhub.sandbox.wechat.CgiPaths;

import org.springframework.stereotype.Component;

/**
 * Daily call limits per API path: WeChat's published limits for a new account, overridden
 * by {@code sandbox.daily-quotas}. Paths not listed have no daily limit.
 */
@Component
public class DailyQuotaTable {

	private static final Map<String, Long> WECHAT_DEFAULTS = Map.ofEntries(Map.entry(CgiPaths.TOKEN, 2_000L),
			Map.entry(CgiPaths.STABLE_TOKEN, 500_000L), Map.entry(CgiPaths.STABLE_TOKEN_FORCE_REFRESH, 20L),
			Map.entry(CgiPaths.GET_TICKET, 100_000L), Map.entry(CgiPaths.API_DOMAIN_IP, 10_000L),
			Map.entry(CgiPaths.QUOTA_GET, 100_000L), Map.entry("/cgi-bin/get_callback_ip", 10_000L),
			Map.entry(CgiPaths.MENU_CREATE, 1_000L), Map.entry(CgiPaths.MENU_GET, 10_000L),
			Map.entry(CgiPaths.MENU_DELETE, 1_000L), Map.entry(CgiPaths.SELF_MENU_INFO, 10_000L),
			Map.entry(CgiPaths.MEDIA_UPLOAD, 100_000L), Map.entry(CgiPaths.MEDIA_GET, 200_000L),
			Map.entry(CgiPaths.CUSTOM_SEND, 500_000L), Map.entry(CgiPaths.TEMPLATE_SEND, 100_000L),
			Map.entry("/cgi-bin/message/mass/sendall", 100L), Map.entry(CgiPaths.QRCODE_CREATE, 100_000L),
			Map.entry(CgiPaths.USER_GET, 500L), Map.entry(CgiPaths.USER_INFO, 5_000_000L),
			Map.entry(CgiPaths.USER_INFO_BATCH, 5_000_000L), Map.entry("/cgi-bin/user/info/updateremark", 10_000L));

	private final Map<String, Long> limits;

	public DailyQuotaTable(SandboxProperties properties) {
		Map<String, Long> merged = new HashMap<>(WECHAT_DEFAULTS);
		merged.putAll(properties.dailyQuotas());
		this.limits = Map.copyOf(merged);
	}

	/**
	 * @param path an API path
	 * @return its configured daily limit, empty when it has none
	 */
	public OptionalLong limit(String path) {
		Long limit = this.limits.get(path);
		return (limit != null) ? OptionalLong.of(limit) : OptionalLong.empty();
	}

	/**
	 * @return every path with a configured daily limit
	 */
	public Set<String> paths() {
		return this.limits.keySet();
	}

}

package io.wxhub.sandbox.quota;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.system.SandboxState;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.stereotype.Service;

/**
 * Daily API quotas per app and path (45009 when spent) and the monthly budget of
 * {@code clear_quota} calls (48006 when spent). Days and months are Beijing time.
 */
@Service
public class QuotaService implements SandboxState {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final int CLEARS_PER_MONTH = 10;

	private final Map<String, AppQuota> apps = new ConcurrentHashMap<>();

	private final DailyQuotaTable table;

	private final Clock clock;

	public QuotaService(DailyQuotaTable table, Clock clock) {
		this.table = table;
		this.clock = clock;
	}

	/**
	 * Counts one call against today's quota of the path.
	 * @param appId the app
	 * @param path the API path
	 * @throws WeChatException 45009 when the quota is spent
	 */
	public void consume(String appId, String path) {
		AppQuota quota = today(appId);
		synchronized (quota) {
			long used = quota.used.getOrDefault(path, 0L);
			OptionalLong limit = limit(quota, path);
			if (limit.isPresent() && used >= limit.getAsLong()) {
				// the token endpoint's 45009 carries a hint towards stable_token
				throw CgiPaths.TOKEN.equals(path) ? WeChatErrors.tokenQuotaReached()
						: WeChatErrors.of(WeChatErrorCode.DAILY_QUOTA_EXCEEDED);
			}
			quota.used.put(path, used + 1);
		}
	}

	/**
	 * @param appId the app
	 * @param path the API path
	 * @return today's usage, empty when the path has no daily limit
	 */
	public Optional<QuotaUsage> usage(String appId, String path) {
		AppQuota quota = today(appId);
		synchronized (quota) {
			OptionalLong limit = limit(quota, path);
			return limit.isPresent()
					? Optional.of(QuotaUsage.of(path, limit.getAsLong(), quota.used.getOrDefault(path, 0L)))
					: Optional.empty();
		}
	}

	/**
	 * @param appId the app
	 * @return today's usage of every path that has a daily limit, by path
	 */
	public List<QuotaUsage> usages(String appId) {
		AppQuota quota = today(appId);
		TreeSet<String> paths = new TreeSet<>(this.table.paths());
		synchronized (quota) {
			paths.addAll(quota.overrides.keySet());
		}
		return paths.stream().flatMap((path) -> usage(appId, path).stream()).toList();
	}

	/**
	 * {@code clear_quota}: sets every daily counter of the app back to zero.
	 * @param appId the app
	 * @throws WeChatException 48006 once this month's budget is spent
	 */
	public void clear(String appId) {
		AppQuota quota = today(appId);
		synchronized (quota) {
			YearMonth month = YearMonth.now(this.clock.withZone(BEIJING));
			if (!month.equals(quota.month)) {
				quota.month = month;
				quota.clears = 0;
			}
			if (quota.clears >= CLEARS_PER_MONTH) {
				throw WeChatErrors.of(WeChatErrorCode.CLEAR_QUOTA_LIMIT);
			}
			quota.clears++;
			quota.used.clear();
		}
	}

	/**
	 * Replaces the daily limit of one path for one app.
	 * @param appId the app
	 * @param path the API path
	 * @param dailyLimit the new limit
	 * @return the usage under the new limit
	 */
	public QuotaUsage override(String appId, String path, long dailyLimit) {
		AppQuota quota = today(appId);
		synchronized (quota) {
			quota.overrides.put(path, dailyLimit);
		}
		return usage(appId, path).orElseThrow();
	}

	/**
	 * Spends today's quota of one path, as if the app had made every call it allows: the
	 * next call gets 45009 until the counters are cleared or the day ends.
	 * @param appId the app
	 * @param path the API path
	 * @return the spent usage, empty when the path has no daily limit
	 */
	public Optional<QuotaUsage> exhaust(String appId, String path) {
		AppQuota quota = today(appId);
		synchronized (quota) {
			OptionalLong limit = limit(quota, path);
			if (limit.isEmpty()) {
				return Optional.empty();
			}
			quota.used.merge(path, limit.getAsLong(), Math::max);
		}
		return usage(appId, path);
	}

	/**
	 * Zeroes the app's daily counters and its monthly {@code clear_quota} budget; limits
	 * stay.
	 * @param appId the app
	 */
	public void resetUsage(String appId) {
		AppQuota quota = today(appId);
		synchronized (quota) {
			quota.used.clear();
			quota.clears = 0;
		}
	}

	@Override
	public void reset() {
		this.apps.clear();
	}

	private OptionalLong limit(AppQuota quota, String path) {
		Long override = quota.overrides.get(path);
		return (override != null) ? OptionalLong.of(override) : this.table.limit(path);
	}

	private AppQuota today(String appId) {
		AppQuota quota = this.apps.computeIfAbsent(appId, (key) -> new AppQuota());
		LocalDate today = LocalDate.now(this.clock.withZone(BEIJING));
		synchronized (quota) {
			if (!today.equals(quota.day)) {
				quota.day = today;
				quota.used.clear();
			}
		}
		return quota;
	}

	private static final class AppQuota {

		private final Map<String, Long> used = new HashMap<>();

		private final Map<String, Long> overrides = new HashMap<>();

		private LocalDate day;

		private YearMonth month;

		private int clears;

	}

}

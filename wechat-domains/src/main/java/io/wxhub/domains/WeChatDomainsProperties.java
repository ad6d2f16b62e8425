package io.wxhub.domains;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where WeChat's API is ({@code wechat.*}): its domains in order, and when calls leave a
 * domain and come back to it.
 *
 * @param apiBaseUrl one-entry shorthand: when set (not blank) it is the only domain and
 * {@code api-base-urls} is not read; the sandbox's URL in development and tests
 * @param apiBaseUrls WeChat's API roots in order of preference, the primary first (WeChat
 * documents {@code api2.weixin.qq.com} and the regional
 * {@code sh.}/{@code sz.}/{@code hk.api.weixin.qq.com} as backups)
 * @param failover when calls move to the next domain and back
 */
@ConfigurationProperties("wechat")
public record WeChatDomainsProperties(String apiBaseUrl, @DefaultValue( {
		"https://api.weixin.qq.com", "https://api2.weixin.qq.com" }) List<URI> apiBaseUrls,
		@DefaultValue Failover failover){

	/** At most this many domains: each has one bit in a call's set of tried domains. */
	static final int MAX_DOMAINS = 10;

	public WeChatDomainsProperties {
		apiBaseUrls = (apiBaseUrl != null && !apiBaseUrl.isBlank()) ? List.of(URI.create(apiBaseUrl.strip()))
				: List.copyOf(apiBaseUrls);
		if (apiBaseUrls.isEmpty() || apiBaseUrls.size() > MAX_DOMAINS) {
			throw new IllegalArgumentException("wechat.api-base-urls needs 1 to " + MAX_DOMAINS + " entries");
		}
		Set<String> names = new HashSet<>();
		for (URI url : apiBaseUrls) {
			if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
					|| url.getRawQuery() != null) {
				throw new IllegalArgumentException("wechat.api-base-urls: not an http(s) root: " + url);
			}
			if (!names.add(WeChatDomain.nameOf(url))) {
				throw new IllegalArgumentException("wechat.api-base-urls: " + url + " is listed twice");
			}
		}
	}

	/**
	 * When calls leave a domain and come back to it.
	 *
	 * @param probeInterval how often a domain whose circuit is open is probed; the first
	 * answer closes the circuit and calls return to it
	 * @param probeTimeout how long a probe waits for an answer
	 * @param slidingWindowSize the last calls to a domain its failure rate is taken over
	 * @param minimumCalls calls a domain must have had before its failure rate counts
	 * @param failureRateThreshold failure rate in percent (connection failures, timeouts,
	 * 5xx) at which a domain's circuit opens and calls move to the next domain
	 */
	public record Failover(@DefaultValue("10s") Duration probeInterval, @DefaultValue("3s") Duration probeTimeout,
			@DefaultValue("10") int slidingWindowSize, @DefaultValue("3") int minimumCalls,
			@DefaultValue("50") int failureRateThreshold) {

		public Failover {
			if (isNotPositive(probeInterval) || isNotPositive(probeTimeout)) {
				throw new IllegalArgumentException("wechat.failover probe interval and timeout must be positive");
			}
			if (slidingWindowSize < 1 || minimumCalls < 1 || failureRateThreshold < 1 || failureRateThreshold > 100) {
				throw new IllegalArgumentException(
						"wechat.failover: window and minimum calls at least 1, failure rate 1 to 100 (percent)");
			}
		}

		private static boolean isNotPositive(Duration duration) {
			return duration.isNegative() || duration.isZero();
		}

	}

}

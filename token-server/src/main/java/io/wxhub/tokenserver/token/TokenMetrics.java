package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import org.redisson.client.RedisException;

import org.springframework.stereotype.Component;

/**
 * Gauges per app and kind: seconds of life left in the token this replica serves, and
 * upstream calls made today (from the shared counter in Redis). Refresh counters and
 * upstream latency are recorded where they happen.
 */
@Component
class TokenMetrics {

	TokenMetrics(MeterRegistry meters, TokenService tokens, TokenStore store, TokenServerProperties properties,
			Clock clock) {
		for (App app : properties.apps()) {
			for (TokenKind kind : TokenKind.values()) {
				TokenKey key = new TokenKey(app.appId(), kind);
				Gauge.builder("wxhub.token.remaining", () -> remaining(tokens.cached(key), clock.instant()))
					.description("Seconds until the served token expires")
					.baseUnit("seconds")
					.tags("app", app.appId(), "kind", kind.key())
					.register(meters);
				Gauge.builder("wxhub.token.refreshes.today", () -> refreshesToday(store, key, clock.instant()))
					.description("Upstream calls made today (China date) against the daily budget")
					.tags("app", app.appId(), "kind", kind.key())
					.register(meters);
			}
		}
	}

	private static double remaining(StoredToken token, Instant now) {
		return (token != null) ? token.secondsLeftAt(now) : 0;
	}

	private static double refreshesToday(TokenStore store, TokenKey key, Instant now) {
		try {
			return store.refreshesToday(key, now);
		}
		catch (RedisException ex) {
			return Double.NaN;
		}
	}

}

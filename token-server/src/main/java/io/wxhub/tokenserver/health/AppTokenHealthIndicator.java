package io.wxhub.tokenserver.health;

import java.time.Clock;
import java.time.Instant;

import io.wxhub.tokenserver.token.RefreshFailure;
import io.wxhub.tokenserver.token.StoredToken;
import io.wxhub.tokenserver.token.TokenKey;
import io.wxhub.tokenserver.token.TokenKind;
import io.wxhub.tokenserver.token.TokenService;
import io.wxhub.tokenserver.token.TokenStore;

import org.redisson.client.RedisException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The access-token health of one app: DOWN while refreshes are blocked by a configuration
 * error, WeChat's quota or the daily budget, or when no usable token exists; UP
 * otherwise. Never shows the token.
 */
class AppTokenHealthIndicator implements HealthIndicator {

	private final TokenKey key;

	private final TokenService tokens;

	private final TokenStore store;

	private final Clock clock;

	AppTokenHealthIndicator(String appId, TokenService tokens, TokenStore store, Clock clock) {
		this.key = new TokenKey(appId, TokenKind.ACCESS_TOKEN);
		this.tokens = tokens;
		this.store = store;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		StoredToken token = this.tokens.cached(this.key);
		RefreshFailure failure;
		try {
			failure = this.store.readFailure(this.key);
			token = (token != null) ? token : this.store.read(this.key);
		}
		catch (RedisException ex) {
			// Redis has its own health component; judge by what this replica holds.
			failure = null;
		}
		boolean usable = token != null && token.usableAt(now);
		Health.Builder health = (usable && (failure == null || failure.kind() == RefreshFailure.Kind.TRANSIENT))
				? Health.up() : Health.down();
		if (usable) {
			health.withDetail("expiresIn", token.secondsLeftAt(now));
		}
		if (failure != null) {
			health.withDetail("errcode", failure.error().errcode())
				.withDetail("errmsg", failure.error().errmsg())
				.withDetail("failure", failure.kind().name())
				.withDetail("blockedUntil", failure.blockedUntil().toString());
		}
		return health.build();
	}

}

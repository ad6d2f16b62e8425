package io.wxhub.tokenserver.health;

import java.time.Clock;
import java.time.Instant;

import io.wxhub.tokenserver.token.RefreshFailure;
import io.wxhub.tokenserver.token.RotationStore;
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
 * otherwise. Shows when another party last rotated the token behind wxhub's back
 * ({@code lastForeignRotation}); never shows the token.
 */
class AppTokenHealthIndicator implements HealthIndicator {

	private final TokenKey key;

	private final TokenService tokens;

	private final TokenStore store;

	private final RotationStore rotations;

	private final Clock clock;

	AppTokenHealthIndicator(String appId, TokenService tokens, TokenStore store, RotationStore rotations, Clock clock) {
		this.key = new TokenKey(appId, TokenKind.ACCESS_TOKEN);
		this.tokens = tokens;
		this.store = store;
		this.rotations = rotations;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		StoredToken token = this.tokens.cached(this.key);
		RefreshFailure failure;
		Instant lastForeignRotation;
		try {
			failure = this.store.readFailure(this.key);
			token = (token != null) ? token : this.store.read(this.key);
			lastForeignRotation = this.rotations.lastForeignRotation(this.key.appId());
		}
		catch (RedisException ex) {
			// Redis has its own health component; judge by what this replica holds.
			failure = null;
			lastForeignRotation = null;
		}
		boolean usable = token != null && token.usableAt(now);
		Health.Builder health = (usable && (failure == null || failure.kind() == RefreshFailure.Kind.TRANSIENT))
				? Health.up() : Health.down();
		if (usable) {
			health.withDetail("expiresIn", token.secondsLeftAt(now));
		}
		if (lastForeignRotation != null) {
			health.withDetail("lastForeignRotation", lastForeignRotation.toString());
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

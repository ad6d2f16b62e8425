package io.wxhub.webauth.broker;

import java.util.Optional;

import io.wxhub.webauth.keys.StateSigner;
import io.wxhub.webauth.system.WebAuthProperties;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Pending authorizations in Redis, one per {@code state}, each kept for
 * {@code web-auth.state-ttl} and taken at most once (by any replica): a replayed, expired
 * or forged state is refused.
 */
@Component
class PendingAuthorizations {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RedissonClient redis;

	private final StateSigner states;

	private final WebAuthProperties properties;

	PendingAuthorizations(RedissonClient redis, StateSigner states, WebAuthProperties properties) {
		this.redis = redis;
		this.states = states;
		this.properties = properties;
	}

	/** Keeps an authorization; returns its state. */
	String begin(PendingAuthorization pending) {
		String state = this.states.newState();
		bucket(this.states.nonceOf(state).orElseThrow()).set(JSON.writeValueAsString(pending),
				this.properties.stateTtl());
		return state;
	}

	/**
	 * Takes the authorization of a state, once.
	 * @throws Refusal for a state this broker did not make, or one expired or used
	 */
	PendingAuthorization take(String state) {
		String nonce = this.states.nonceOf(state)
			.orElseThrow(() -> new Refusal(HttpStatus.BAD_REQUEST, "bad-state", "Invalid state",
					"This sign-in link was not made by this service. Start again from the page you came from."));
		String stored = Optional.ofNullable(bucket(nonce).getAndDelete())
			.orElseThrow(() -> new Refusal(HttpStatus.BAD_REQUEST, "expired-state", "Expired or used sign-in",
					"This sign-in has expired or was already used. Start again from the page you came from."));
		return JSON.readValue(stored, PendingAuthorization.class);
	}

	private RBucket<String> bucket(String nonce) {
		return this.redis.getBucket(this.properties.redisPrefix() + ":web-auth:state:" + nonce, StringCodec.INSTANCE);
	}

}

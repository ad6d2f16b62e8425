package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.time.Instant;

import io.wxhub.tokenserver.system.TokenServerProperties;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.stereotype.Component;

/**
 * What the token server keeps in Redis about rejected tokens: the verdict of each app's
 * current liveness-check window, shared by every replica, and when a foreign rotation was
 * last seen.
 */
@Component
public class RotationStore {

	private final RedissonClient redisson;

	private final String prefix;

	public RotationStore(RedissonClient redisson, TokenServerProperties properties) {
		this.redisson = redisson;
		this.prefix = properties.redisPrefix();
	}

	/**
	 * Opens the app's liveness-check window for a check of one token, unless a window is
	 * open already.
	 * @return true when this caller is to make the check
	 */
	public boolean claimCheck(TokenKey key, String fingerprint, Instant now, Duration window) {
		return verdictBucket(key)
			.setIfAbsent(new LivenessVerdict(fingerprint, LivenessVerdict.State.PENDING).serialize(), window);
	}

	/** The verdict of the open window, or null when none is open. */
	public LivenessVerdict readVerdict(TokenKey key, Instant now) {
		return LivenessVerdict.deserialize(verdictBucket(key).get());
	}

	/** Stores the verdict of the check this caller made, until its window closes. */
	public void settle(TokenKey key, LivenessVerdict verdict, Instant windowEnd, Instant now) {
		Duration left = Duration.between(now, windowEnd);
		if (!left.isNegative() && !left.isZero()) {
			verdictBucket(key).set(verdict.serialize(), left);
		}
	}

	/** Records a foreign rotation of the app's access token. */
	public void recordForeignRotation(String appId, Instant at) {
		foreignRotationBucket(appId).set(at.toString());
	}

	/** When a foreign rotation of the app's access token was last seen, or null. */
	public Instant lastForeignRotation(String appId) {
		String stored = foreignRotationBucket(appId).get();
		return (stored != null) ? Instant.parse(stored) : null;
	}

	private RBucket<String> verdictBucket(TokenKey key) {
		return this.redisson.getBucket(this.prefix + ":liveness:" + key.appId() + ":" + key.kind().key(),
				StringCodec.INSTANCE);
	}

	private RBucket<String> foreignRotationBucket(String appId) {
		return this.redisson.getBucket(this.prefix + ":foreign_rotation:" + appId, StringCodec.INSTANCE);
	}

}

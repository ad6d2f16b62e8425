package io.wxhub.messageservice.dedup;

import java.time.Duration;

import io.wxhub.messageservice.system.MessageServiceProperties;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.stereotype.Component;

/**
 * The outcome of each message, shared by every replica through Redis. For a slow action
 * the first replica to see a message claims it (set-if-absent, {@code PENDING}, with a
 * lease) and, once it has answered WeChat, stores the exact bytes of that answer. An
 * answer known at once is published directly (set-if-absent). Every retry receives the
 * stored bytes.
 */
@Component
public class DedupStore {

	private static final String PENDING = "P";

	private static final String DONE = "D:";

	private final RedissonClient redisson;

	private final MessageServiceProperties properties;

	DedupStore(RedissonClient redisson, MessageServiceProperties properties) {
		this.redisson = redisson;
		this.properties = properties;
	}

	/** Claims the message; true when this caller is the first and must run its action. */
	public boolean claim(String appId, String key, Duration lease) {
		return bucket(appId, key).setIfAbsent(PENDING, lease);
	}

	/** Stores the answer WeChat was given; retries get exactly these bytes. */
	public void complete(String appId, String key, String body) {
		bucket(appId, key).set(DONE + body, this.properties.dedupTtl());
	}

	/**
	 * Stores the answer unless the message is known already: null when this answer is the
	 * first, else the earlier state (whose answer retries must get).
	 */
	public State publish(String appId, String key, String body) {
		RBucket<String> bucket = bucket(appId, key);
		if (bucket.setIfAbsent(DONE + body, this.properties.dedupTtl())) {
			return null;
		}
		// Null only if the earlier answer expired in between: this one then counts as
		// first.
		return read(appId, key);
	}

	/**
	 * The stored answer; empty while the first replica is still working; null when
	 * unknown.
	 */
	public State read(String appId, String key) {
		String value = bucket(appId, key).get();
		if (value == null) {
			return null;
		}
		return value.startsWith(DONE) ? new State(value.substring(DONE.length())) : new State(null);
	}

	private RBucket<String> bucket(String appId, String key) {
		return this.redisson.getBucket(this.properties.redisPrefix() + ":dedup:" + appId + ":" + key,
				StringCodec.INSTANCE);
	}

	/**
	 * A claimed message.
	 *
	 * @param body the answer given, or null while pending
	 */
	public record State(String body) {

		public boolean done() {
			return this.body != null;
		}

	}

}

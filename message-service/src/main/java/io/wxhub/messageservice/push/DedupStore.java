package io.wxhub.messageservice.push;

import java.time.Duration;
import java.util.function.Consumer;

import io.wxhub.messageservice.system.MessageServiceProperties;
import org.redisson.api.RBucket;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The outcome of each message, shared by every replica through Redis. For a slow action
 * the first replica to see a message claims it (set-if-absent, pending, with a lease)
 * and, once it has answered WeChat, stores the exact bytes of that answer and announces
 * it on a topic. An answer known at once is published directly (set-if-absent). Every
 * retry receives the stored bytes.
 * <p>
 * Redis failures never reach the caller: without Redis a message is handled here, without
 * dedup, rather than lost. Each is counted ({@code wxhub.messages.dedup.errors}).
 */
@Component
class DedupStore {

	private static final Logger log = LoggerFactory.getLogger(DedupStore.class);

	private static final String PENDING = "P";

	private static final String DONE = "D:";

	private final RedissonClient redisson;

	private final String keyPrefix;

	private final Duration ttl;

	private final RTopic answered;

	private final MessageMetrics metrics;

	DedupStore(RedissonClient redisson, MessageServiceProperties properties, MessageMetrics metrics) {
		this.redisson = redisson;
		this.metrics = metrics;
		this.keyPrefix = properties.redisPrefix() + ":dedup:";
		this.ttl = properties.dedupTtl();
		this.answered = redisson.getTopic(properties.redisPrefix() + ":dedup-answered", StringCodec.INSTANCE);
	}

	/**
	 * How long a claim lasts: past the deadline, by when its replica has answered unless
	 * it died.
	 */
	static Duration claimLease(Duration deadline) {
		return deadline.plusSeconds(1);
	}

	/**
	 * Claims the message for {@code lease}; true when this caller must run its action: it
	 * came first, or Redis cannot tell.
	 */
	boolean claim(String appId, String key, Duration lease) {
		try {
			return bucket(appId, key).setIfAbsent(PENDING, lease);
		}
		catch (RedisException ex) {
			this.metrics.dedupError(appId);
			log.warn("Dedup unavailable, handling message without it: {}", ex.getMessage());
			return true;
		}
	}

	/**
	 * Stores the answer a claimed message was given, for retries, and tells replicas
	 * waiting for it.
	 */
	void complete(String appId, String key, String body) {
		try {
			bucket(appId, key).set(DONE + body, this.ttl);
			this.answered.publishAsync(appId + ":" + key);
		}
		catch (RedisException ex) {
			this.metrics.dedupError(appId);
			log.warn("Could not store the answer for WeChat's retries: {}", ex.getMessage());
		}
	}

	/**
	 * Stores the answer unless the message is known already. {@link DedupOutcome.Unknown}
	 * when this answer is now the message's (also when Redis cannot tell); otherwise the
	 * earlier outcome, whose answer retries must get.
	 */
	DedupOutcome publish(String appId, String key, String body) {
		try {
			if (bucket(appId, key).setIfAbsent(DONE + body, this.ttl)) {
				return DedupOutcome.UNKNOWN;
			}
			// Unknown only if the earlier answer expired in between: ours then counts as
			// first.
			return read(appId, key);
		}
		catch (RedisException ex) {
			this.metrics.dedupError(appId);
			log.warn("Dedup unavailable, answering without it: {}", ex.getMessage());
			return DedupOutcome.UNKNOWN;
		}
	}

	/**
	 * The message's outcome; {@link DedupOutcome.Pending} when Redis cannot tell (so that
	 * no replica takes over a message on a Redis hiccup).
	 */
	DedupOutcome read(String appId, String key) {
		String value;
		try {
			value = bucket(appId, key).get();
		}
		catch (RedisException ex) {
			this.metrics.dedupError(appId);
			return DedupOutcome.PENDING;
		}
		if (value == null) {
			return DedupOutcome.UNKNOWN;
		}
		return value.startsWith(DONE) ? new DedupOutcome.Done(value.substring(DONE.length())) : DedupOutcome.PENDING;
	}

	/**
	 * Calls {@code listener} with {@code appId:key} whenever a replica completes a
	 * claimed message. Redisson subscribes again after a reconnect; announcements made
	 * while disconnected are lost, so listeners must not rely on them alone.
	 */
	void onAnswered(Consumer<String> listener) {
		this.answered.addListenerAsync(String.class, (channel, appAndKey) -> listener.accept(appAndKey))
			.whenComplete((id, failure) -> {
				if (failure != null) {
					log.warn("Could not subscribe to answers: {}", failure.getMessage());
				}
			});
	}

	private RBucket<String> bucket(String appId, String key) {
		return this.redisson.getBucket(this.keyPrefix + appId + ":" + key, StringCodec.INSTANCE);
	}

}

package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import io.wxhub.tokenserver.system.TokenServerProperties;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.stereotype.Component;

/**
 * Everything the token server keeps in Redis: tokens, refresh locks, refresh state, daily
 * counters, and a topic announcing new tokens to every replica's near-cache.
 */
@Component
public class TokenStore {

	/** WeChat's daily quotas reset at midnight China time. */
	static final ZoneId QUOTA_ZONE = ZoneId.of("Asia/Shanghai");

	private final RedissonClient redisson;

	private final String prefix;

	public TokenStore(RedissonClient redisson, TokenServerProperties properties) {
		this.redisson = redisson;
		this.prefix = properties.redisPrefix();
	}

	/**
	 * The token in Redis, or null. Throws Redisson's exception when Redis is unreachable.
	 */
	public StoredToken read(TokenKey key) {
		return StoredToken.deserialize(tokenBucket(key).get());
	}

	/** Stores a token until its expiry and tells every replica. */
	public void write(TokenKey key, StoredToken token, Instant now) {
		Duration ttl = Duration.between(now, token.expiresAt());
		if (ttl.isNegative() || ttl.isZero()) {
			return;
		}
		tokenBucket(key).set(token.serialize(), ttl);
		topic().publish(key.appId() + "|" + key.kind().name());
	}

	/** Subscribes to announcements of new tokens, from any replica. */
	public void onNewToken(Consumer<TokenKey> listener) {
		topic().addListener(String.class, (channel, message) -> {
			String[] parts = message.split("\\|", 2);
			listener.accept(new TokenKey(parts[0], TokenKind.valueOf(parts[1])));
		});
	}

	/** The cluster-wide lock that makes a refresh single-flight. */
	public RLock lock(TokenKey key) {
		return this.redisson.getLock(this.prefix + ":lock:" + key.appId() + ":" + key.kind().key());
	}

	/** The last refresh failure, or null while refreshes succeed. */
	public RefreshFailure readFailure(TokenKey key) {
		return RefreshFailure.deserialize(failureBucket(key).get());
	}

	/** Records a failure, kept as long as refreshes stay blocked (at least a minute). */
	public void writeFailure(TokenKey key, RefreshFailure failure, Instant now) {
		Duration keep = Duration.between(now, failure.blockedUntil()).plusMinutes(1);
		failureBucket(key).set(failure.serialize(), keep);
	}

	public void clearFailure(TokenKey key) {
		failureBucket(key).delete();
	}

	/** Upstream calls made today (China date) for this credential. */
	public long refreshesToday(TokenKey key, Instant now) {
		return dailyCounter(key, now).get();
	}

	/** Counts one upstream call and returns today's total. */
	public long countRefresh(TokenKey key, Instant now) {
		RAtomicLong counter = dailyCounter(key, now);
		long count = counter.incrementAndGet();
		if (count == 1) {
			counter.expire(Duration.ofDays(2));
		}
		return count;
	}

	/**
	 * Makes one Redis call; throws Redisson's exception when Redis is unreachable.
	 */
	public void ping() {
		this.redisson.getBucket(this.prefix + ":health", StringCodec.INSTANCE).isExists();
	}

	private RAtomicLong dailyCounter(TokenKey key, Instant now) {
		String day = LocalDate.ofInstant(now, QUOTA_ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);
		return this.redisson
			.getAtomicLong(this.prefix + ":refresh_count:" + key.appId() + ":" + key.kind().key() + ":" + day);
	}

	private RBucket<String> tokenBucket(TokenKey key) {
		return this.redisson.getBucket(this.prefix + ":" + key.kind().key() + ":" + key.appId(), StringCodec.INSTANCE);
	}

	private RBucket<String> failureBucket(TokenKey key) {
		return this.redisson.getBucket(this.prefix + ":refresh_failure:" + key.appId() + ":" + key.kind().key(),
				StringCodec.INSTANCE);
	}

	private RTopic topic() {
		return this.redisson.getTopic(this.prefix + ":token_events", StringCodec.INSTANCE);
	}

}

package io.wxhub.tokenserver.token;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.wxhub.tokenserver.system.TokenServerProperties;
import org.redisson.api.RLock;
import org.redisson.client.RedisException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The token store in memory, for tests of one replica: tokens, failures and daily
 * counters (by China date, as in Redis); its lock is always free. {@link #goDown()} makes
 * every call fail as an unreachable Redis does.
 */
class InMemoryTokenStore extends TokenStore {

	private final Map<TokenKey, StoredToken> tokens = new ConcurrentHashMap<>();

	private final Map<TokenKey, RefreshFailure> failures = new ConcurrentHashMap<>();

	private final Map<String, Long> counters = new ConcurrentHashMap<>();

	private final Map<Thread, Integer> readsByThread = new ConcurrentHashMap<>();

	private volatile boolean down;

	InMemoryTokenStore(TokenServerProperties properties) {
		super(null, properties);
	}

	void goDown() {
		this.down = true;
	}

	int readsOn(Thread thread) {
		return this.readsByThread.getOrDefault(thread, 0);
	}

	@Override
	public StoredToken read(TokenKey key) {
		this.readsByThread.merge(Thread.currentThread(), 1, Integer::sum);
		failIfDown();
		return this.tokens.get(key);
	}

	@Override
	public void write(TokenKey key, StoredToken token, Instant now) {
		failIfDown();
		this.tokens.put(key, token);
	}

	@Override
	public void onNewToken(Consumer<TokenKey> listener) {
	}

	@Override
	public RLock lock(TokenKey key) {
		RLock lock = mock(RLock.class);
		try {
			given(lock.tryLock(anyLong(), anyLong(), any(TimeUnit.class))).willReturn(true);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		given(lock.isHeldByCurrentThread()).willReturn(true);
		return lock;
	}

	@Override
	public RefreshFailure readFailure(TokenKey key) {
		failIfDown();
		return this.failures.get(key);
	}

	@Override
	public void writeFailure(TokenKey key, RefreshFailure failure, Instant now) {
		failIfDown();
		this.failures.put(key, failure);
	}

	@Override
	public void clearFailure(TokenKey key) {
		this.failures.remove(key);
	}

	@Override
	public long refreshesToday(TokenKey key, Instant now) {
		failIfDown();
		return this.counters.getOrDefault(counter(key, now), 0L);
	}

	@Override
	public long countRefresh(TokenKey key, Instant now) {
		failIfDown();
		return this.counters.merge(counter(key, now), 1L, Long::sum);
	}

	@Override
	public void ping() {
		failIfDown();
	}

	private static String counter(TokenKey key, Instant now) {
		return key + ":" + LocalDate.ofInstant(now, QUOTA_ZONE);
	}

	private void failIfDown() {
		if (this.down) {
			throw new RedisException("Redis is down");
		}
	}

}

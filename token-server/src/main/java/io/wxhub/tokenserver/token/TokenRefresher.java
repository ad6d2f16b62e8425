package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import io.wxhub.tokenserver.token.LivenessVerdict.State;
import org.redisson.api.RLock;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Single-flight refresh across all replicas: a Redisson lock per app and kind, taken with
 * a bounded wait and lease; Redis is re-read once the lock is held, so only the first of
 * many concurrent callers calls WeChat; the lock is released only by its holder. A token
 * reported as rejected before its expiry is refreshed only once WeChat confirms it dead.
 */
@Component
class TokenRefresher {

	private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

	private final TokenStore store;

	private final UpstreamFetcher fetcher;

	private final TokenServerProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final LivenessCheck liveness;

	TokenRefresher(TokenStore store, UpstreamFetcher fetcher, LivenessCheck liveness, TokenServerProperties properties,
			MeterRegistry meters, Clock clock) {
		this.store = store;
		this.fetcher = fetcher;
		this.liveness = liveness;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Returns a usable token, refreshing it when needed: when absent, expired, due
	 * (proactive and lazy triggers), or still equal to {@code rejected} (forced trigger).
	 */
	StoredToken refresh(TokenKey key, RefreshTrigger trigger, String rejected) {
		RLock lock = this.store.lock(key);
		if (!tryLock(lock)) {
			StoredToken current = this.store.read(key);
			if (current != null && current.usableAt(this.clock.instant()) && !current.value().equals(rejected)) {
				return current;
			}
			throw new NoValidTokenException("Refresh of " + key + " is in progress elsewhere", null,
					Duration.ofSeconds(1));
		}
		try {
			return refreshLocked(key, trigger, rejected);
		}
		finally {
			unlock(lock);
		}
	}

	private StoredToken refreshLocked(TokenKey key, RefreshTrigger trigger, String rejected) {
		Instant now = this.clock.instant();
		StoredToken current = this.store.read(key);
		if (!needed(current, trigger, rejected, now)) {
			count(key, trigger, "skipped");
			return current;
		}
		if (trigger == RefreshTrigger.FORCED && current != null && current.usableAt(now)
				&& stillAlive(key, current, now)) {
			count(key, trigger, "alive");
			return current;
		}
		RefreshFailure failure = this.store.readFailure(key);
		if (failure != null && failure.blocksAt(now)) {
			count(key, trigger, "blocked");
			return fallback(key, trigger, current, failure, now);
		}
		App app = this.properties.app(key.appId()).orElseThrow();
		try {
			StoredToken fresh = fetchFresh(key, app, trigger);
			this.store.write(key, fresh, this.clock.instant());
			if (failure != null) {
				this.store.clearFailure(key);
			}
			count(key, trigger, "success");
			return fresh;
		}
		catch (WeChatException ex) {
			RefreshFailure recorded = record(key,
					RefreshFailure.refused(ex.getError(), now, this.properties.upstream()), now);
			count(key, trigger, recorded.kind().name().toLowerCase());
			return fallback(key, trigger, current, recorded, now);
		}
		catch (UpstreamFetcher.BudgetExhaustedException ex) {
			RefreshFailure recorded = record(key, RefreshFailure.budgetExhausted(ex.getMessage(), now), now);
			count(key, trigger, "budget_exhausted");
			return fallback(key, trigger, current, recorded, now);
		}
	}

	private boolean needed(StoredToken current, RefreshTrigger trigger, String rejected, Instant now) {
		if (current == null || !current.usableAt(now)) {
			return true;
		}
		return (trigger == RefreshTrigger.FORCED) ? current.value().equals(rejected) : current.refreshDueAt(now);
	}

	/**
	 * Whether a token reported as rejected, though valid by its expiry, is alive after
	 * all: WeChat is asked (once per app and window, see {@link LivenessCheck}), so a
	 * loop of rejections of a live token never spends the quota. When WeChat cannot tell,
	 * a token younger than {@code min-forced-interval} is not refreshed either.
	 * @throws NoValidTokenException when WeChat cannot tell and the token is that young
	 */
	private boolean stillAlive(TokenKey key, StoredToken current, Instant now) {
		State verdict = key.kind().isTicket() ? State.UNKNOWN : this.liveness.check(key, current);
		if (verdict != State.UNKNOWN) {
			return verdict == State.ALIVE;
		}
		Instant allowedFrom = current.fetchedAt().plus(this.properties.minForcedInterval());
		if (allowedFrom.isAfter(now)) {
			count(key, RefreshTrigger.FORCED, "throttled");
			Duration untilAllowed = Duration.between(now, allowedFrom);
			Duration nextCheck = this.liveness.window();
			throw new NoValidTokenException(
					"WeChat could not confirm that the current " + key.kind().key() + " of " + key.appId()
							+ " is dead, and it was issued moments ago; forced refreshes are limited",
					null, (untilAllowed.compareTo(nextCheck) < 0) ? untilAllowed : nextCheck);
		}
		return false;
	}

	private StoredToken fetchFresh(TokenKey key, App app, RefreshTrigger trigger) {
		if (!key.kind().isTicket()) {
			return this.fetcher.fetchAccessToken(key, app, trigger == RefreshTrigger.FORCED);
		}
		String accessToken = accessTokenFor(key.appId());
		try {
			return this.fetcher.fetchTicket(key, accessToken);
		}
		catch (WeChatException ex) {
			if (!ex.getError().isTokenInvalid()) {
				throw ex;
			}
			// The access token was rotated behind our back: compare-and-refresh it, then
			// retry once.
			String renewed = refresh(new TokenKey(key.appId(), TokenKind.ACCESS_TOKEN), RefreshTrigger.FORCED,
					accessToken)
				.value();
			return this.fetcher.fetchTicket(key, renewed);
		}
	}

	/** The access token a ticket request needs; refreshed first when due. */
	private String accessTokenFor(String appId) {
		TokenKey tokenKey = new TokenKey(appId, TokenKind.ACCESS_TOKEN);
		StoredToken token = this.store.read(tokenKey);
		if (token == null || !token.usableAt(this.clock.instant())) {
			token = refresh(tokenKey, RefreshTrigger.LAZY, null);
		}
		return token.value();
	}

	/**
	 * The current token while it is usable (not for a forced refresh: that one was
	 * rejected).
	 */
	private StoredToken fallback(TokenKey key, RefreshTrigger trigger, StoredToken current, RefreshFailure failure,
			Instant now) {
		if (trigger != RefreshTrigger.FORCED && current != null && current.usableAt(now)) {
			return current;
		}
		Duration retryAfter = Duration.between(now, failure.blockedUntil());
		throw NoValidTokenException.of(key, failure, retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter);
	}

	private RefreshFailure record(TokenKey key, RefreshFailure failure, Instant now) {
		this.store.writeFailure(key, failure, now);
		log.warn("Refresh of {} failed: errcode {} ({}), no new attempt before {}", key, failure.error().errcode(),
				failure.kind(), failure.blockedUntil());
		return failure;
	}

	private boolean tryLock(RLock lock) {
		try {
			return lock.tryLock(this.properties.lock().waitTime().toMillis(),
					this.properties.lock().leaseTime().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void unlock(RLock lock) {
		try {
			if (lock.isHeldByCurrentThread()) {
				lock.unlock();
			}
		}
		catch (RedisException ex) {
			log.warn("Could not release refresh lock; its lease ends it: {}", ex.getMessage());
		}
	}

	private void count(TokenKey key, RefreshTrigger trigger, String outcome) {
		this.meters
			.counter("wxhub.token.refresh", "app", key.appId(), "kind", key.kind().key(), "trigger", trigger.tag(),
					"outcome", outcome)
			.increment();
	}

}

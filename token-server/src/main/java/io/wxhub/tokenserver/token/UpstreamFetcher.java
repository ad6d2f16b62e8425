package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import io.wxhub.tokenserver.upstream.IssuedToken;
import io.wxhub.tokenserver.upstream.WeChatTokenClient;

import org.springframework.stereotype.Component;

/**
 * Fetches one credential from WeChat: retries -1, 5xx and timeouts with capped
 * exponential backoff, counts every call against the daily budget, and times every call.
 */
@Component
class UpstreamFetcher {

	private final WeChatTokenClient client;

	private final TokenStore store;

	private final TokenServerProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	UpstreamFetcher(WeChatTokenClient client, TokenStore store, TokenServerProperties properties, MeterRegistry meters,
			Clock clock) {
		this.client = client;
		this.store = store;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/** Fetches a new access token with the app's AppSecret. */
	StoredToken fetchAccessToken(TokenKey key, App app, boolean forced) {
		return fetch(key, () -> this.client.fetchAccessToken(app, forced));
	}

	/** Fetches a new ticket of the key's kind with the given access token. */
	StoredToken fetchTicket(TokenKey key, String accessToken) {
		return fetch(key, () -> this.client.fetchTicket(key.kind().ticketType(), accessToken));
	}

	/**
	 * Makes the call, retried on {@code -1}; throws WeChat's refusal, or the last
	 * {@code -1} once every attempt failed, as {@link WeChatException}, and
	 * {@link BudgetExhaustedException} before a call the budget does not allow.
	 */
	private StoredToken fetch(TokenKey key, Supplier<IssuedToken> call) {
		Duration backoff = this.properties.upstream().initialBackoff();
		for (int attempt = 1;; attempt++) {
			// Runs under the refresh lock of this key, so check-then-count cannot race.
			if (this.store.refreshesToday(key, this.clock.instant()) >= this.properties.dailyBudget()) {
				throw new BudgetExhaustedException();
			}
			this.store.countRefresh(key, this.clock.instant());
			Instant started = this.clock.instant();
			try {
				IssuedToken issued = call.get();
				timer(key, "success").record(Duration.between(started, this.clock.instant()));
				return toStored(issued, started);
			}
			catch (WeChatException ex) {
				boolean retryable = ex.getError().isRetryable();
				timer(key, retryable ? "transient" : "errcode").record(Duration.between(started, this.clock.instant()));
				if (!retryable || attempt >= this.properties.upstream().maxAttempts()) {
					throw ex;
				}
				pause(backoff, ex);
			}
			backoff = min(backoff.multipliedBy(2), this.properties.upstream().maxBackoff());
		}
	}

	/**
	 * Expiry is measured from when the call started, less a margin (at most a tenth of
	 * the lifetime); a refresh is due {@code refresh-ahead} before that, but never in the
	 * first half of the lifetime, so a stable token that WeChat hands out again unchanged
	 * is not re-fetched in a loop.
	 */
	private StoredToken toStored(IssuedToken issued, Instant started) {
		Duration lifetime = Duration.ofSeconds(issued.expiresIn());
		Duration margin = min(this.properties.expiryMargin(), lifetime.dividedBy(10));
		Instant expiresAt = started.plus(lifetime).minus(margin);
		Duration usable = Duration.between(started, expiresAt);
		Instant refreshAt = expiresAt.minus(min(this.properties.refreshAhead(), usable.dividedBy(2)));
		return new StoredToken(issued.value(), started, expiresAt, refreshAt);
	}

	private Timer timer(TokenKey key, String outcome) {
		return Timer.builder("wxhub.token.upstream.latency")
			.description("Latency of WeChat token and ticket calls")
			.tag("app", key.appId())
			.tag("kind", key.kind().key())
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(this.meters);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** Waits before the next attempt; interrupted, gives up with the last failure. */
	private static void pause(Duration duration, WeChatException lastFailure) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw lastFailure;
		}
	}

	/** The daily budget of upstream calls is spent. */
	static class BudgetExhaustedException extends RuntimeException {

		BudgetExhaustedException() {
			super("daily refresh budget exhausted");
		}

	}

}

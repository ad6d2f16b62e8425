package io.wxhub.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The per-JVM cache against a controlled clock: reused until 5 s before the server's
 * {@code expiresAt} and never handed out from it on, at most for the max cache age, and
 * bounded by {@code expiresIn} when the clocks disagree; compare-and-refresh drops the
 * rejected token.
 */
class WxhubTokensCacheTests {

	private static final String TOKEN_PATH = "/v1/apps/wx1/access-token";

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final StubTokenServer server = new StubTokenServer();

	private final AtomicInteger issued = new AtomicInteger();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aTokenIsReusedUntilFiveSecondsBeforeItsExpiry() {
		answerTokensLiving(Duration.ofSeconds(20));
		WxhubTokens tokens = client(Duration.ofHours(1));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T1");
		this.clock.advance(Duration.ofMillis(14_999));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T1");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T2");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(2);
	}

	@Test
	void aTokenWithinTheMarginIsHandedOutUncachedAndNeverAtItsExpiry() {
		Instant expiresAt = this.clock.instant().plusSeconds(3);
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.token("LAST", expiresAt,
				Math.max(0, Duration.between(this.clock.instant(), expiresAt).toSeconds())));
		WxhubTokens tokens = client(Duration.ofHours(1));
		assertThat(tokens.accessToken("wx1")).isEqualTo("LAST");
		assertThat(tokens.accessToken("wx1")).isEqualTo("LAST");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(2);
		this.clock.advance(Duration.ofMillis(2_999));
		assertThat(tokens.accessToken("wx1")).isEqualTo("LAST");
		this.clock.advance(Duration.ofMillis(1));
		assertThatExceptionOfType(WxhubTokenException.class).isThrownBy(() -> tokens.accessToken("wx1"))
			.satisfies((ex) -> assertThat(ex.status()).isZero());
	}

	@Test
	void aTokenIsReusedForTheMaxCacheAgeAtMost() {
		answerTokensLiving(Duration.ofHours(2));
		WxhubTokens tokens = client(Duration.ofSeconds(30));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T1");
		this.clock.advance(Duration.ofMillis(29_999));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T1");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T2");
	}

	@Test
	void expiresInBoundsTheLifeWhenTheServersClockIsAhead() {
		// expiresAt two hours away by our clock, one minute by the server's
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.token("T" + this.issued.incrementAndGet(),
				this.clock.instant().plus(Duration.ofHours(2)), 60));
		WxhubTokens tokens = client(Duration.ofHours(1));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T1");
		this.clock.advance(Duration.ofMillis(55_999));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T1");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T2");
	}

	@Test
	void eachKindAndAppIsCachedApart() {
		Instant expiresAt = this.clock.instant().plusSeconds(7200);
		answerTokensLiving(Duration.ofHours(2));
		this.server.answer("/v1/apps/wx1/jsapi-ticket", () -> StubTokenServer.ticket("JSAPI", expiresAt, 7200));
		this.server.answer("/v1/apps/wx1/wx-card-ticket", () -> StubTokenServer.ticket("CARD", expiresAt, 7200));
		WxhubTokens tokens = client(Duration.ofSeconds(30));
		for (int i = 0; i < 3; i++) {
			assertThat(tokens.accessToken("wx1")).isEqualTo("T1");
			assertThat(tokens.jsapiTicket("wx1")).isEqualTo("JSAPI");
			assertThat(tokens.cardTicket("wx1")).isEqualTo("CARD");
		}
		assertThat(this.server.requests()).isEqualTo(3);
		assertThatExceptionOfType(WxhubTokenException.class).isThrownBy(() -> tokens.accessToken("wx2"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404));
	}

	@Test
	void refreshRejectedDropsTheRejectedTokenOnly() {
		answerTokensLiving(Duration.ofHours(2));
		this.server.answer(TOKEN_PATH + "/refresh", () -> StubTokenServer.token("R" + this.issued.incrementAndGet(),
				this.clock.instant().plusSeconds(7200), 7200));
		WxhubTokens tokens = client(Duration.ofSeconds(30));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T1");
		assertThat(tokens.refreshRejected("wx1", "T1")).isEqualTo("R2");
		assertThat(this.server.bodies()).last().isEqualTo("{\"rejectedToken\":\"T1\"}");
		// the new token is cached; reports of the old one, or of any other, change
		// nothing
		assertThat(tokens.accessToken("wx1")).isEqualTo("R2");
		assertThat(tokens.refreshRejected("wx1", "T1")).isEqualTo("R2");
		assertThat(tokens.refreshRejected("wx1", "SOMETHING-ELSE")).isEqualTo("R2");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(1);
		assertThat(this.server.requests(TOKEN_PATH + "/refresh")).isEqualTo(1);
		// once the cached token is the rejected one, it is refreshed again
		assertThat(tokens.refreshRejected("wx1", "R2")).isEqualTo("R3");
	}

	@Test
	void aReadUnderWayWhenItsTokenIsRejectedDoesNotCacheIt() throws Exception {
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.token("OLD", this.clock.instant().plusSeconds(7200), 7200))
			.delay(TOKEN_PATH, Duration.ofMillis(500))
			.answer(TOKEN_PATH + "/refresh",
					() -> StubTokenServer.token("NEW", this.clock.instant().plusSeconds(7200), 7200));
		WxhubTokens tokens = client(Duration.ofSeconds(30));
		CompletableFuture<String> slowRead = CompletableFuture.supplyAsync(() -> tokens.accessToken("wx1"));
		Thread.sleep(100);
		assertThat(tokens.refreshRejected("wx1", "OLD")).isEqualTo("NEW");
		assertThat(slowRead.get()).isEqualTo("OLD");
		assertThat(tokens.accessToken("wx1")).isEqualTo("NEW");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(1);
	}

	@Test
	void theClientKeyIsSentAsBearer() {
		answerTokensLiving(Duration.ofHours(2));
		client(Duration.ofSeconds(30)).accessToken("wx1");
		assertThat(this.server.authorizations()).containsExactly("Bearer key-1");
	}

	private void answerTokensLiving(Duration lifetime) {
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.token("T" + this.issued.incrementAndGet(),
				this.clock.instant().plus(lifetime), lifetime.toSeconds()));
	}

	private WxhubTokens client(Duration maxCacheAge) {
		return WxhubTokens.builder()
			.urls(java.util.List.of(this.server.url()))
			.clientKey("key-1")
			.clock(this.clock)
			.maxCacheAge(maxCacheAge)
			.build();
	}

}

package io.wxhub.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads at once, one request: per app and kind for reads, per app and rejected
 * token for compare-and-refresh; a failure reaches every waiting thread.
 */
class WxhubTokensSingleFlightTests {

	private static final String TOKEN_PATH = "/v1/apps/wx1/access-token";

	private final StubTokenServer server = new StubTokenServer();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void twoHundredThreadsCauseOneRequest() throws Exception {
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.token("T", Instant.now().plusSeconds(7200), 7200))
			.delay(TOKEN_PATH, Duration.ofMillis(300));
		WxhubTokens tokens = client();
		assertThat(atOnce(200, (i) -> tokens.accessToken("wx1"))).containsOnly("T");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(1);
	}

	@Test
	void threadsReportingTheSameRejectedTokenCauseOneRefresh() throws Exception {
		this.server
			.answer(TOKEN_PATH + "/refresh", () -> StubTokenServer.token("NEW", Instant.now().plusSeconds(7200), 7200))
			.delay(TOKEN_PATH + "/refresh", Duration.ofMillis(300));
		WxhubTokens tokens = client();
		assertThat(atOnce(50, (i) -> tokens.refreshRejected("wx1", "OLD"))).containsOnly("NEW");
		assertThat(this.server.requests(TOKEN_PATH + "/refresh")).isEqualTo(1);
	}

	@Test
	void eachKindHasItsOwnFlight() throws Exception {
		Instant expiresAt = Instant.now().plusSeconds(7200);
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.token("T", expiresAt, 7200))
			.answer("/v1/apps/wx1/jsapi-ticket", () -> StubTokenServer.ticket("J", expiresAt, 7200))
			.delay(TOKEN_PATH, Duration.ofMillis(300))
			.delay("/v1/apps/wx1/jsapi-ticket", Duration.ofMillis(300));
		WxhubTokens tokens = client();
		assertThat(atOnce(100, (i) -> (i % 2 == 0) ? tokens.accessToken("wx1") : tokens.jsapiTicket("wx1")))
			.containsOnly("T", "J");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(1);
		assertThat(this.server.requests("/v1/apps/wx1/jsapi-ticket")).isEqualTo(1);
	}

	@Test
	void aFailureReachesEveryWaitingThreadAndTheNextCallAsksAgain() throws Exception {
		this.server
			.answer(TOKEN_PATH,
					() -> StubTokenServer.problem(403, "forbidden", "App not allowed for this client",
							"Client c may not read app wx1", null, java.util.Map.of()))
			.delay(TOKEN_PATH, Duration.ofMillis(300));
		WxhubTokens tokens = client();
		assertThat(atOnce(50, (i) -> {
			try {
				return tokens.accessToken("wx1");
			}
			catch (WxhubTokenException ex) {
				return "HTTP " + ex.status();
			}
		})).containsOnly("HTTP 403");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(1);
		this.server.delay(TOKEN_PATH, Duration.ZERO)
			.answer(TOKEN_PATH, () -> StubTokenServer.token("T", Instant.now().plusSeconds(7200), 7200));
		assertThat(tokens.accessToken("wx1")).isEqualTo("T");
		assertThat(this.server.requests(TOKEN_PATH)).isEqualTo(2);
	}

	/** {@code threads} threads released together, each calling {@code call}. */
	private static Set<String> atOnce(int threads, Function<Integer, String> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int index = i;
			answers.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				return call.apply(index);
			}));
		}
		ready.await();
		go.countDown();
		Set<String> results = ConcurrentHashMap.newKeySet();
		for (Future<String> answer : answers) {
			results.add(answer.get());
		}
		pool.shutdown();
		return results;
	}

	private WxhubTokens client() {
		return WxhubTokens.builder().urls(List.of(this.server.url())).clientKey("key-1").build();
	}

}

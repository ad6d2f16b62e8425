package io.wxhub.system.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.client.WxhubTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.wxhub.system.client.TokenServerStack.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token server's {@code expiresAt} is honoured: with 16-second tokens that the token
 * server replaces only 2 s before their {@code expiresAt}, callers reading all the time
 * are never handed a token at or after its {@code expiresAt}, as the token server itself
 * states it, and the cache still answers most reads.
 */
class WxhubTokensExpiryTests {

	@Test
	void aTokenIsNeverHandedOutAtOrAfterItsExpiresAt() throws Exception {
		try (TokenServerStack stack = new TokenServerStack(List.of("--sandbox.token-lifetime=16s"),
				List.of("--token-server.refresh-ahead=2s", "--token-server.check-interval=200ms"))) {
			// the token server's word on each token it serves, read directly every 100 ms
			Map<String, Instant> expiresAt = new ConcurrentHashMap<>();
			ExecutorService watcher = Executors.newSingleThreadExecutor();
			watcher.execute(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					JsonNode answer = stack.accessTokenAnswer();
					expiresAt.putIfAbsent(answer.path("accessToken").asString(),
							Instant.parse(answer.path("expiresAt").asString()));
					pause(100);
				}
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> !expiresAt.isEmpty());

			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			WxhubTokens tokens = stack.client().meterRegistry(meters).build();
			Queue<HandedOut> handedOut = new ConcurrentLinkedQueue<>();
			Instant end = Instant.now().plusSeconds(30);
			ExecutorService callers = Executors.newFixedThreadPool(4);
			for (int i = 0; i < 4; i++) {
				callers.execute(() -> {
					while (Instant.now().isBefore(end)) {
						String token = tokens.accessToken(APP);
						handedOut.add(new HandedOut(token, Instant.now()));
						pause(20);
					}
				});
			}
			callers.shutdown();
			assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			pause(300);
			watcher.shutdownNow();

			assertThat(handedOut).isNotEmpty().allSatisfy((token) -> {
				assertThat(expiresAt).containsKey(token.value());
				assertThat(token.returnedAt()).isBefore(expiresAt.get(token.value()));
			});
			// tokens came and went while callers read
			assertThat(handedOut.stream().map(HandedOut::value).distinct().count()).isGreaterThanOrEqualTo(3);
			double requests = meters.get("wxhub.client.requests").timer().count();
			assertThat(requests).isPositive().isLessThan(handedOut.size() / 4.0);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A token a caller was handed.
	 *
	 * @param value the token
	 * @param returnedAt just after the call returned it
	 */
	private record HandedOut(String value, Instant returnedAt) {

		@Override
		public String toString() {
			return "HandedOut[returnedAt=" + this.returnedAt + "]";
		}

	}

}

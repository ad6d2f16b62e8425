package io.wxhub.tokenserver;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.wxhub.tokenserver.TokenCluster.APP;
import static io.wxhub.tokenserver.TokenCluster.CLIENT_KEY;
import static io.wxhub.tokenserver.TokenCluster.get;
import static io.wxhub.tokenserver.TokenCluster.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WeChat trouble: transient errors are retried behind a still-served token; errors of
 * configuration are surfaced, not retried in a loop.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpstreamFailureIntegrationTests {

	private static final String TOKEN_PATH = "/cgi-bin/token";

	@Test
	void transientErrorsAreRetriedWhileTheValidTokenKeepsBeingServed() {
		try (TokenCluster cluster = TokenCluster.withSandbox("--sandbox.token-lifetime=6s")) {
			String server = cluster.startTokenServer("--token-server.refresh-ahead=3s",
					"--token-server.expiry-margin=100ms", "--token-server.check-interval=100ms");
			String first = read(server);
			long before = cluster.upstreamCalls(APP, TOKEN_PATH);
			cluster.injectFault(APP, TOKEN_PATH, 3, -1);
			// The refresh becomes due ~3 s after issue; until it succeeds, readers keep
			// the first token.
			String current = await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> validToken(cluster, server), (token) -> !token.equals(first));
			assertThat(current).isNotEqualTo(first);
			// Three failed attempts and the successful fourth, within one refresh.
			assertThat(cluster.upstreamCalls(APP, TOKEN_PATH)).isEqualTo(before + 4);
			assertThat(json(get(server + "/actuator/health", null)).path("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void configurationErrorsShowInHealthAndAreNotRetriedInALoop(CapturedOutput output) {
		try (TokenCluster cluster = TokenCluster.withSandbox("--sandbox.token-lifetime=3s")) {
			String server = cluster.startTokenServer("--token-server.refresh-ahead=1s",
					"--token-server.expiry-margin=100ms", "--token-server.check-interval=100ms",
					"--token-server.upstream.config-error-backoff=1h");
			read(server);
			long before = cluster.upstreamCalls(APP, TOKEN_PATH);
			cluster.injectFault(APP, TOKEN_PATH, 1000, 40125);
			// Hammer the server well past the token's expiry: one refresh attempt, as
			// 40125 is not retried and blocks further attempts.
			AtomicInteger unavailable = new AtomicInteger();
			await().during(Duration.ofSeconds(5))
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> {
					var response = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
					if (response.statusCode() == 503) {
						unavailable.incrementAndGet();
						JsonNode problem = json(response);
						assertThat(problem.path("errcode").asInt()).isEqualTo(40125);
						assertThat(response.headers().firstValue("Retry-After")).isPresent();
					}
					else {
						assertThat(response.statusCode()).isEqualTo(200);
					}
					return cluster.upstreamCalls(APP, TOKEN_PATH) - before <= 1;
				});
			assertThat(unavailable.get()).isPositive();
			assertThat(cluster.upstreamCalls(APP, TOKEN_PATH) - before).isEqualTo(1);
			JsonNode health = json(get(server + "/actuator/health", null));
			JsonNode app = health.path("components").path("tokens").path("components").path(APP);
			assertThat(app.path("status").asString()).isEqualTo("DOWN");
			assertThat(app.path("details").path("errcode").asInt()).isEqualTo(40125);
			assertThat(app.path("details").path("failure").asString()).isEqualTo("CONFIGURATION");
			assertThat(output.getAll()).doesNotContain("secret-one");
			// what the alert reads: the reason and WeChat's errcode
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(get(server + "/actuator/prometheus", null).body()).contains(
						failing("configuration") + " 1.0", failing("transient") + " 0.0",
						"wxhub_token_refresh_errcode{app=\"" + APP + "\",kind=\"access_token\"} 40125.0"));
		}
	}

	@Test
	void anAddressOutsideTheIpWhitelistIsNamedForTheAlert() {
		// the sandbox's account admits one documentation address only, not this machine
		try (TokenCluster cluster = TokenCluster.withSandbox("--sandbox.accounts[0].ip-whitelist=192.0.2.1")) {
			String server = cluster.startTokenServer("--token-server.check-interval=100ms");
			assertThat(get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY).statusCode()).isEqualTo(503);
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				String metrics = get(server + "/actuator/prometheus", null).body();
				assertThat(metrics)
					.contains(failing("configuration") + " 1.0",
							"wxhub_token_refresh_errcode{app=\"" + APP + "\",kind=\"access_token\"} 40164.0")
					.containsPattern("wxhub_token_whitelist_missing\\{app=\"" + APP
							+ "\",ip=\"(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1)\"} 1\\.0");
				// the other app is refused nothing: its placeholder stays at 0
				assertThat(metrics)
					.contains("wxhub_token_whitelist_missing{app=\"" + TokenCluster.STABLE_APP + "\",ip=\"none\"} 0.0");
			});
		}
	}

	@Test
	void theDailyBudgetIsNeverExceeded() {
		try (TokenCluster cluster = TokenCluster.withSandbox("--sandbox.token-lifetime=2s")) {
			String server = cluster.startTokenServer("--token-server.refresh-ahead=500ms",
					"--token-server.expiry-margin=100ms", "--token-server.check-interval=50ms",
					"--token-server.daily-budget=3");
			// Readers keep asking; the budget is spent, then never exceeded.
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> readThenCountCalls(cluster, server), (calls) -> calls >= 3);
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> readThenCountCalls(cluster, server), (calls) -> calls == 3);
			var response = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(get(server + "/actuator/prometheus", null).body())
				.containsPattern("wxhub_token_refreshes_today\\{app=\"" + APP + "\",kind=\"access_token\"\\} 3\\.0");
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(get(server + "/actuator/prometheus", null).body())
					.contains(failing("budget_exhausted") + " 1.0"));
		}
	}

	/** The series of {@code wxhub_token_refresh_failing} of the app's access token. */
	private static String failing(String reason) {
		return "wxhub_token_refresh_failing{app=\"" + APP + "\",kind=\"access_token\",reason=\"" + reason + "\"}";
	}

	private static long readThenCountCalls(TokenCluster cluster, String server) {
		get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
		return cluster.upstreamCalls(APP, TOKEN_PATH);
	}

	/** Reads the served token and checks that the sandbox accepts it. */
	private static String validToken(TokenCluster cluster, String server) {
		String token = read(server);
		assertThat(cluster.tokenCheck(APP, token).path("valid").asBoolean()).isTrue();
		return token;
	}

	private static String read(String server) {
		var response = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response).path("accessToken").asString();
	}

}

package io.wxhub.tokenserver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.wxhub.tokenserver.TokenCluster.APP;
import static io.wxhub.tokenserver.TokenCluster.CLIENT_KEY;
import static io.wxhub.tokenserver.TokenCluster.get;
import static io.wxhub.tokenserver.TokenCluster.json;
import static io.wxhub.tokenserver.TokenCluster.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens reported as rejected: WeChat is asked whether they are dead (at most once per
 * app and window, whatever the replicas), a live one is never refreshed, a dead one is
 * refreshed once and reported as a foreign rotation.
 */
class ForeignRotationIntegrationTests {

	private static final String TOKEN_PATH = "/cgi-bin/token";

	private static final String CHECK_PATH = "/cgi-bin/get_api_domain_ip";

	/** A caller reports a live token as rejected 100 times: no upstream refresh. */
	@Test
	void aLiveTokenReportedAsRejectedAHundredTimesIsNeverRefreshed() {
		try (TokenCluster cluster = TokenCluster.withSandbox()) {
			String server = cluster.startTokenServer();
			String token = accessToken(server);
			long refreshes = cluster.upstreamCalls(APP, TOKEN_PATH);
			Instant started = Instant.now();
			for (int i = 0; i < 100; i++) {
				var response = reportRejected(server, token);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(json(response).path("accessToken").asString()).isEqualTo(token);
			}
			Duration elapsed = Duration.between(started, Instant.now());
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> cluster.upstreamCalls(APP, TOKEN_PATH), (calls) -> calls == refreshes);
			// One liveness check per 5 s window.
			assertThat(cluster.upstreamCalls(APP, CHECK_PATH)).isBetween(1L, 1 + elapsed.toSeconds() / 5);
			assertThat(foreignRotations(server)).isZero();
			assertThat(cluster.tokenCheck(APP, token).path("valid").asBoolean()).isTrue();
		}
	}

	/**
	 * Another party kills the token moments after it was fetched; twenty callers on two
	 * replicas report it: one liveness check, one refresh, one foreign rotation, shown in
	 * every replica's health.
	 */
	@Test
	void aTokenKilledBehindOurBackIsRefreshedOnceAndReported() throws Exception {
		try (TokenCluster cluster = TokenCluster.withSandbox()) {
			List<String> servers = List.of(cluster.startTokenServer(), cluster.startTokenServer());
			String killed = accessToken(servers.get(0));
			cluster.rotateBehindOurBack(APP);
			long refreshes = cluster.upstreamCalls(APP, TOKEN_PATH);
			Set<String> answers = ConcurrentHashMap.newKeySet();
			Queue<String> failures = new ConcurrentLinkedQueue<>();
			ExecutorService callers = Executors.newFixedThreadPool(20);
			CountDownLatch start = new CountDownLatch(1);
			for (int i = 0; i < 20; i++) {
				String server = servers.get(i % 2);
				callers.execute(() -> {
					try {
						start.await();
						var response = reportRejected(server, killed);
						if (response.statusCode() != 200) {
							failures.add(response.statusCode() + " " + response.body());
						}
						answers.add(json(response).path("accessToken").asString());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
			}
			start.countDown();
			callers.shutdown();
			assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			assertThat(failures).isEmpty();
			assertThat(answers).hasSize(1).doesNotContain(killed);
			assertThat(cluster.tokenCheck(APP, answers.iterator().next()).path("valid").asBoolean()).isTrue();
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> cluster.upstreamCalls(APP, TOKEN_PATH), (calls) -> calls == refreshes + 1);
			assertThat(cluster.upstreamCalls(APP, CHECK_PATH)).isEqualTo(1);
			assertThat(foreignRotations(servers.get(0)) + foreignRotations(servers.get(1))).isEqualTo(1);
			for (String server : servers) {
				JsonNode app = json(get(server + "/actuator/health", null)).path("components")
					.path("tokens")
					.path("components")
					.path(APP);
				assertThat(app.path("status").asString()).isEqualTo("UP");
				assertThat(Instant.parse(app.path("details").path("lastForeignRotation").asString()))
					.isBetween(Instant.now().minusSeconds(60), Instant.now());
			}
		}
	}

	/**
	 * Callers on two replicas keep reporting a live token for 4 s with a 1 s window: one
	 * liveness check per window in all, and no refresh.
	 */
	@Test
	void twoReplicasMakeOneLivenessCheckPerWindow() throws Exception {
		try (TokenCluster cluster = TokenCluster.withSandbox()) {
			List<String> servers = List.of(cluster.startTokenServer("--token-server.liveness-check-interval=1s"),
					cluster.startTokenServer("--token-server.liveness-check-interval=1s"));
			String token = accessToken(servers.get(0));
			long refreshes = cluster.upstreamCalls(APP, TOKEN_PATH);
			long checksBefore = cluster.upstreamCalls(APP, CHECK_PATH);
			Queue<String> failures = new ConcurrentLinkedQueue<>();
			Instant started = Instant.now();
			Instant end = started.plusSeconds(4);
			ExecutorService callers = Executors.newFixedThreadPool(8);
			for (int i = 0; i < 8; i++) {
				String server = servers.get(i % 2);
				callers.execute(() -> {
					while (Instant.now().isBefore(end)) {
						var response = reportRejected(server, token);
						if (response.statusCode() != 200
								|| !json(response).path("accessToken").asString().equals(token)) {
							failures.add(response.statusCode() + " " + response.body());
						}
					}
				});
			}
			callers.shutdown();
			assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			Duration elapsed = Duration.between(started, Instant.now());
			assertThat(failures).isEmpty();
			long checks = cluster.upstreamCalls(APP, CHECK_PATH) - checksBefore;
			assertThat(checks).isBetween(2L, 1 + elapsed.toMillis() / 1000);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> cluster.upstreamCalls(APP, TOKEN_PATH), (calls) -> calls == refreshes);
		}
	}

	private static String accessToken(String server) {
		return json(get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY)).path("accessToken").asString();
	}

	private static java.net.http.HttpResponse<String> reportRejected(String server, String token) {
		return post(server + "/v1/apps/" + APP + "/access-token/refresh", CLIENT_KEY,
				"{\"rejectedToken\":\"" + token + "\"}");
	}

	/** {@code wxhub_token_foreign_rotations_total} of the app on one replica. */
	private static double foreignRotations(String server) {
		String metrics = get(server + "/actuator/prometheus", null).body();
		Matcher line = Pattern
			.compile("wxhub_token_foreign_rotations_total\\{[^}]*app=\"" + APP + "\"[^}]*} ([0-9.E+-]+)")
			.matcher(metrics);
		assertThat(line.find()).as("the series exists from the start").isTrue();
		return Double.parseDouble(line.group(1));
	}

}

package io.wxhub.tokenserver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.wxhub.testsupport.TestRedis;
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
 * Replicas sharing one Redis call WeChat once per refresh, however many callers there
 * are.
 */
class SingleFlightIntegrationTests {

	private static final String TOKEN_PATH = "/cgi-bin/token";

	private static final String TICKET_PATH = "/cgi-bin/ticket/getticket";

	/**
	 * Three replicas, 300 concurrent readers spread over them, 4-second tokens: the
	 * sandbox sees exactly one token call per cycle for at least five cycles, and every
	 * token served was valid in the sandbox's eyes when it was served.
	 */
	@Test
	void threeReplicasThreeHundredReadersOneUpstreamCallPerCycle() throws Exception {
		Instant started = Instant.now();
		try (TokenCluster cluster = TokenCluster.withSandbox("--sandbox.token-lifetime=4s")) {
			List<String> servers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				servers.add(cluster.startTokenServer("--token-server.refresh-ahead=1s",
						"--token-server.expiry-margin=200ms", "--token-server.check-interval=100ms"));
			}
			Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
			Queue<String> failures = new ConcurrentLinkedQueue<>();
			Instant end = Instant.now().plusSeconds(17);
			ExecutorService readers = Executors.newFixedThreadPool(300);
			CountDownLatch done = new CountDownLatch(300);
			for (int r = 0; r < 300; r++) {
				String server = servers.get(r % 3);
				readers.execute(() -> {
					try {
						while (Instant.now().isBefore(end)) {
							readAndCheck(cluster, server, firstSeen, failures);
							Thread.sleep(300 + ThreadLocalRandom.current().nextInt(400));
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						done.countDown();
					}
				});
			}
			assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
			readers.shutdown();

			assertThat(failures).isEmpty();
			long calls = settledUpstreamCalls(cluster, firstSeen);
			assertThat(calls).isGreaterThanOrEqualTo(6);
			// No storm: at most one call per cycle (about 2.8 s) over the whole run.
			assertThat(calls).isLessThanOrEqualTo(1 + Duration.between(started, Instant.now()).toMillis() / 2000);
			// No refresh was doubled: consecutive tokens were issued a refresh interval
			// apart, as the sandbox's own expiry times (issue time + 4 s) show; two
			// replicas
			// refreshing in the same cycle would issue two tokens milliseconds apart.
			// (The
			// calls are not compared with the tokens served: on a loaded machine a read
			// can
			// take longer than a 4 s token lives, and a token then goes unserved.)
			List<Instant> expiries = firstSeen.keySet()
				.stream()
				.map((token) -> Instant.parse(cluster.tokenCheck(APP, token).path("expiresAt").asString()))
				.sorted()
				.toList();
			for (int i = 1; i < expiries.size(); i++) {
				assertThat(Duration.between(expiries.get(i - 1), expiries.get(i)))
					.isGreaterThan(Duration.ofMillis(1500));
			}
		}
	}

	/**
	 * Fifty callers report the same token, killed by another party, at once: one upstream
	 * call.
	 */
	@Test
	void fiftyConcurrentCompareAndRefreshCallsMakeOneUpstreamCall() throws Exception {
		try (TokenCluster cluster = TokenCluster.withSandbox()) {
			List<String> servers = List.of(cluster.startTokenServer(), cluster.startTokenServer());
			String rejected = json(get(servers.get(0) + "/v1/apps/" + APP + "/access-token", CLIENT_KEY))
				.path("accessToken")
				.asString();
			cluster.rotateBehindOurBack(APP);
			long before = cluster.upstreamCalls(APP, TOKEN_PATH);
			ExecutorService callers = Executors.newFixedThreadPool(50);
			CountDownLatch start = new CountDownLatch(1);
			Set<String> answers = ConcurrentHashMap.newKeySet();
			Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
			for (int i = 0; i < 50; i++) {
				String server = servers.get(i % 2);
				callers.execute(() -> {
					try {
						start.await();
						var response = post(server + "/v1/apps/" + APP + "/access-token/refresh", CLIENT_KEY,
								"{\"rejectedToken\":\"" + rejected + "\"}");
						statuses.add(response.statusCode());
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
			assertThat(statuses).hasSize(50).containsOnly(200);
			assertThat(answers).hasSize(1).doesNotContain(rejected);
			assertThat(cluster.upstreamCalls(APP, TOKEN_PATH)).isEqualTo(before + 1);
		}
	}

	/**
	 * Forty callers on two replicas ask for the app's first wx_card ticket at once: the
	 * sandbox issues one card ticket, and every caller is served it.
	 */
	@Test
	void concurrentReadersOfANewWxCardTicketMakeOneUpstreamCall() throws Exception {
		try (TokenCluster cluster = TokenCluster.withSandbox()) {
			List<String> servers = List.of(cluster.startTokenServer(), cluster.startTokenServer());
			ExecutorService callers = Executors.newFixedThreadPool(40);
			CountDownLatch start = new CountDownLatch(1);
			Set<String> tickets = ConcurrentHashMap.newKeySet();
			Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
			for (int i = 0; i < 40; i++) {
				String server = servers.get(i % 2);
				callers.execute(() -> {
					try {
						start.await();
						var response = get(server + "/v1/apps/" + APP + "/wx-card-ticket", CLIENT_KEY);
						statuses.add(response.statusCode());
						tickets.add(json(response).path("ticket").asString());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
			}
			start.countDown();
			callers.shutdown();
			assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			assertThat(statuses).hasSize(40).containsOnly(200);
			assertThat(tickets).hasSize(1);
			JsonNode check = json(post(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/ticket-check", null,
					"{\"ticket\":\"" + tickets.iterator().next() + "\"}"));
			assertThat(check.path("valid").asBoolean()).isTrue();
			assertThat(check.path("kind").asString()).isEqualTo("wx_card");
			// Exactly one getticket call, and no second one behind it.
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(10))
				.until(() -> cluster.upstreamCalls(APP, TICKET_PATH), (calls) -> calls == 1);
			assertThat(cluster.upstreamCalls(APP, TOKEN_PATH)).isEqualTo(1);
		}
	}

	private static void readAndCheck(TokenCluster cluster, String server, Map<String, Instant> firstSeen,
			Queue<String> failures) {
		Instant readAt = Instant.now();
		var response = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
		if (response.statusCode() != 200) {
			failures.add("HTTP " + response.statusCode() + " " + response.body());
			return;
		}
		String token = json(response).path("accessToken").asString();
		firstSeen.putIfAbsent(token, readAt);
		JsonNode verdict = cluster.tokenCheck(APP, token);
		if (verdict.path("valid").asBoolean()) {
			return;
		}
		// Expired by the time it was checked is fine if it was still valid when it was
		// served.
		String expiresAt = verdict.path("expiresAt").asString("");
		boolean validWhenServed = verdict.path("errcode").asInt() == 42001 && !expiresAt.isEmpty()
				&& readAt.isBefore(Instant.parse(expiresAt));
		if (!validWhenServed) {
			failures.add("served a token the sandbox rejects: " + verdict);
		}
	}

	/** Upstream calls so far, counted together with the token currently in Redis. */
	private static long settledUpstreamCalls(TokenCluster cluster, Map<String, Instant> firstSeen) {
		while (true) {
			long before = cluster.upstreamCalls(APP, TOKEN_PATH);
			String current = TestRedis.client()
				.<String>getBucket(cluster.prefix + ":access_token:" + APP,
						org.redisson.client.codec.StringCodec.INSTANCE)
				.get();
			if (before == cluster.upstreamCalls(APP, TOKEN_PATH)) {
				if (current != null) {
					firstSeen.putIfAbsent(current.substring(current.lastIndexOf('|') + 1), Instant.now());
				}
				return before;
			}
		}
	}

}

package io.wxhub.system.e2e;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.wxhub.system.e2e.SystemUnderTest.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Another holder of the AppSecret fetches two tokens moments after wxhub fetched its own,
 * killing it, while eight callers use the api-proxy: no caller notices, the token servers
 * refresh once, count one foreign rotation, and no service logs a token.
 */
class ForeignRotationTests {

	private static final String API = "/cgi-bin/user/get";

	@Test
	void aTokenKilledByAnotherPartyIsReplacedOnceAndNoCallerNotices() throws Exception {
		Set<String> tokens = new HashSet<>();
		List<ServiceProcess> services = new ArrayList<>();
		// min-forced-interval 10m: wxhub's token counts as just fetched however long the
		// start took, so compare-and-refresh would be refused (503) without the liveness
		// check.
		try (SystemUnderTest system = new SystemUnderTest(List.of(),
				List.of("--sandbox.daily-quotas[" + API + "]=100000000"),
				List.of("--token-server.min-forced-interval=10m"))) {
			services.add(system.sandbox);
			services.addAll(system.tokenServerProcesses);
			services.add(system.apiProxy);
			services.addAll(system.messageServices);
			tokens.add(system.accessToken());
			String proxyToken = SystemUnderTest
				.json(SystemUnderTest.get(system.apiProxy.url() + "/cgi-bin/token?grant_type=client_credential&appid="
						+ APP + "&secret=demo-proxy-client-key", null))
				.path("access_token")
				.asString();
			assertThat(proxyToken).isNotBlank();
			tokens.add(proxyToken);
			long refreshesBefore = system.upstreamCalls("/cgi-bin/token");

			Queue<String> failures = new ConcurrentLinkedQueue<>();
			AtomicInteger calls = new AtomicInteger();
			Instant end = Instant.now().plusSeconds(7);
			ExecutorService callers = Executors.newFixedThreadPool(8);
			for (int i = 0; i < 8; i++) {
				callers.execute(() -> {
					while (Instant.now().isBefore(end)) {
						var response = SystemUnderTest.get(system.apiProxy.url() + API + "?access_token=" + proxyToken,
								null);
						calls.incrementAndGet();
						if (response.statusCode() != 200
								|| SystemUnderTest.json(response).path("errcode").asInt(0) != 0) {
							failures.add(response.statusCode() + " " + response.body());
						}
						ServiceProcess.sleep(20);
					}
				});
			}
			ServiceProcess.sleep(1500);
			for (int i = 0; i < 2; i++) {
				var rotated = SystemUnderTest.post(system.sandbox.url() + "/sandbox/apps/" + APP + "/third-party-token",
						"{\"mode\":\"classic\"}", null);
				assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
				// read at once: wxhub may replace the second one moments later, and then
				// it is the previous one
				JsonNode classic = SystemUnderTest
					.json(SystemUnderTest.get(system.sandbox.url() + "/sandbox/apps/" + APP + "/tokens", null))
					.path("classic");
				tokens.add(classic.path("current").path("value").asString());
				tokens.add(classic.path("previous").path("value").asString());
				ServiceProcess.sleep(300);
			}
			callers.shutdown();
			assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

			assertThat(failures).isEmpty();
			assertThat(calls.get()).isGreaterThan(50);
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(15))
				.until(() -> system.upstreamCalls("/cgi-bin/token"), (count) -> count == refreshesBefore + 1);
			assertThat(system.tokenServerProcesses.stream().mapToDouble(ForeignRotationTests::foreignRotations).sum())
				.isEqualTo(1);
			tokens.add(system.accessToken());
		}
		// The logs are complete once every service has stopped.
		assertThat(tokens).hasSize(5).doesNotContain("");
		for (ServiceProcess service : services) {
			List<String> lines = Files.readAllLines(service.log());
			for (String token : tokens) {
				assertThat(lines).as("%s logs no token", service.name()).noneMatch((line) -> line.contains(token));
			}
		}
	}

	/** {@code wxhub_token_foreign_rotations_total} of the app on one token server. */
	private static double foreignRotations(ServiceProcess tokenServer) {
		String metrics = SystemUnderTest.get(tokenServer.url() + "/actuator/prometheus", null).body();
		Matcher line = Pattern
			.compile("wxhub_token_foreign_rotations_total\\{[^}]*app=\"" + APP + "\"[^}]*} ([0-9.E+-]+)")
			.matcher(metrics);
		return line.find() ? Double.parseDouble(line.group(1)) : 0;
	}

}

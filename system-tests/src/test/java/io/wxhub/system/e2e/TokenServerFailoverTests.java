package io.wxhub.system.e2e;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static io.wxhub.system.e2e.SystemUnderTest.APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token server is killed with {@code kill -9} while it holds the refresh lock and waits
 * on WeChat: readers never notice, the surviving replica refreshes once the dead one's
 * lease ends, and refreshes go on one per cycle.
 */
class TokenServerFailoverTests {

	@Test
	void killingTheRefreshingReplicaLosesNoRead() throws Exception {
		try (SystemUnderTest system = new SystemUnderTest(List.of(), List.of("--sandbox.token-lifetime=12s"),
				List.of("--token-server.refresh-ahead=5s", "--token-server.expiry-margin=1s",
						"--token-server.check-interval=200ms", "--token-server.lock.lease-time=3s",
						"--token-server.min-forced-interval=0s"))) {
			Queue<String> failures = new ConcurrentLinkedQueue<>();
			Set<String> served = ConcurrentHashMap.newKeySet();
			Instant end = Instant.now().plusSeconds(40);
			ExecutorService readers = Executors.newFixedThreadPool(4);
			for (int i = 0; i < 4; i++) {
				readers.execute(() -> {
					while (Instant.now().isBefore(end)) {
						var response = SystemUnderTest.get(
								system.tokenServers.url() + "/v1/apps/" + APP + "/access-token",
								"demo-token-client-key");
						if (response.statusCode() != 200) {
							failures.add(response.statusCode() + " " + response.body());
						}
						else {
							String token = SystemUnderTest.json(response).path("accessToken").asString();
							if (served.add(token) && !validNow(system, token)) {
								failures.add("served a token WeChat rejects");
							}
						}
						ServiceProcess.sleep(100);
					}
				});
			}
			// Begin right after a scheduled refresh, so that none runs into the rotation
			// below: a token WeChat issues while a third party rotates twice is dead on
			// arrival, whoever holds it.
			String beforeRefresh = system.accessToken();
			Instant refreshBy = Instant.now().plusSeconds(15);
			while (system.accessToken().equals(beforeRefresh)) {
				assertThat(Instant.now()).isBefore(refreshBy);
				ServiceProcess.sleep(50);
			}
			ServiceProcess.sleep(500);
			// Token server 1 refreshes (a compare-and-refresh sent to it alone) and
			// WeChat is slow to
			// answer; it dies holding the lock, its upstream call orphaned.
			String current = system.accessToken();
			long callsBefore = system.upstreamCalls("/cgi-bin/token");
			// Another party kills that token, so WeChat confirms the rejection.
			for (int i = 0; i < 2; i++) {
				SystemUnderTest.post(system.sandbox.url() + "/sandbox/apps/" + APP + "/third-party-token",
						"{\"mode\":\"classic\"}", null);
			}
			SystemUnderTest.post(system.sandbox.url() + "/sandbox/apps/" + APP + "/faults",
					"{\"path\":\"/cgi-bin/token\",\"count\":1,\"delayMillis\":2000}", null);
			ServiceProcess first = system.tokenServerProcesses.get(0);
			Thread refresher = new Thread(
					() -> SystemUnderTest.post(first.url() + "/v1/apps/" + APP + "/access-token/refresh",
							"{\"rejectedToken\":\"" + current + "\"}", "demo-token-client-key"));
			refresher.start();
			while (system.upstreamCalls("/cgi-bin/token") == callsBefore) {
				ServiceProcess.sleep(50);
			}
			first.kill();
			Set<String> servedBeforeKill = Set.copyOf(served);

			readers.shutdown();
			assertThat(readers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			assertThat(failures).isEmpty();
			// A quiet moment to count at: no refresh in flight, the token served is
			// WeChat's current one.
			Instant quietBy = Instant.now().plusSeconds(10);
			long calls;
			String last;
			do {
				assertThat(Instant.now()).isBefore(quietBy);
				calls = system.upstreamCalls("/cgi-bin/token") - callsBefore;
				last = system.accessToken();
			}
			while (!last.equals(currentAtWeChat(system))
					|| calls != system.upstreamCalls("/cgi-bin/token") - callsBefore);
			served.add(last);
			Set<String> issuedSince = new HashSet<>(served);
			issuedSince.removeAll(servedBeforeKill);
			// One upstream call per cycle: each of the survivor's calls gave a token that
			// was served. The one call more is the dead replica's, orphaned with its
			// answer.
			assertThat(issuedSince).hasSizeGreaterThanOrEqualTo(2);
			assertThat(calls).isEqualTo(issuedSince.size() + 1);
			assertThat(validNow(system, last)).isTrue();
		}
	}

	/** The classic token WeChat issued last. */
	private static String currentAtWeChat(SystemUnderTest system) {
		return SystemUnderTest
			.json(SystemUnderTest.get(system.sandbox.url() + "/sandbox/apps/" + APP + "/tokens", null))
			.path("classic")
			.path("current")
			.path("value")
			.asString();
	}

	/** The sandbox's verdict on a token, checked the moment it is first served. */
	private static boolean validNow(SystemUnderTest system, String token) {
		return SystemUnderTest
			.json(SystemUnderTest.post(system.sandbox.url() + "/sandbox/apps/" + APP + "/token-check",
					"{\"accessToken\":\"" + token + "\"}", null))
			.path("valid")
			.asBoolean();
	}

}

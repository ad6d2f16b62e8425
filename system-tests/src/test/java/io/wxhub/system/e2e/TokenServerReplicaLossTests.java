package io.wxhub.system.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two token-server replicas behind one api-proxy, which reads a real token for every call
 * (no proxy-side reuse): one replica is killed with {@code kill -9} while callers go on,
 * and the calls keep succeeding through the other. At most the calls in flight on the
 * dead replica fail.
 */
class TokenServerReplicaLossTests {

	private static final int CALLERS = 4;

	@Test
	void losingATokenServerReplicaIsInvisibleToCallers() throws Exception {
		try (ProxyChain chain = new ProxyChain("replica-loss", 2, List.of("--api-proxy.token-cache-ttl=0s"))) {
			String proxyToken = chain.proxyToken();
			ServiceProcess doomed = chain.tokenServers.get(0);
			ServiceProcess survivor = chain.tokenServers.get(1);
			Queue<String> failures = new ConcurrentLinkedQueue<>();
			AtomicBoolean killed = new AtomicBoolean();
			AtomicBoolean stop = new AtomicBoolean();
			AtomicLong succeededAfterKill = new AtomicLong();
			ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
			for (int i = 0; i < CALLERS; i++) {
				callers.execute(() -> {
					while (!stop.get()) {
						var answer = chain.domainIps(proxyToken);
						if (answer.statusCode() == 200 && answer.body().contains("ip_list")) {
							if (killed.get()) {
								succeededAfterKill.incrementAndGet();
							}
						}
						else {
							failures.add(answer.statusCode() + " " + answer.body());
						}
					}
				});
			}
			// Both replicas serve the proxy's reads: the list has both.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> ProxyChain.tokenReads(doomed) > 20 && ProxyChain.tokenReads(survivor) > 20);
			long survivorReads = ProxyChain.tokenReads(survivor);

			doomed.kill();
			killed.set(true);

			await().atMost(Duration.ofSeconds(60)).until(() -> succeededAfterKill.get() >= 200);
			stop.set(true);
			callers.shutdown();
			assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			assertThat(failures).as("calls failed").hasSizeLessThanOrEqualTo(CALLERS);
			// Every call read its token: after the kill, from the survivor alone.
			assertThat(ProxyChain.tokenReads(survivor) - survivorReads).isGreaterThanOrEqualTo(200);
		}
	}

}

package io.wxhub.system.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM while 20 slow calls wait on WeChat: the api-proxy stops accepting connections
 * at once, answers all 20, then exits.
 */
class ApiProxyGracefulShutdownTests {

	private static final String API = "/cgi-bin/get_api_domain_ip";

	private static final int SLOW_CALLS = 20;

	@Test
	void sigtermLetsTheCallsInFlightFinishThenExits() throws Exception {
		try (ProxyChain chain = new ProxyChain("shutdown", 1, List.of())) {
			String proxyToken = chain.proxyToken();
			assertThat(chain.domainIps(proxyToken).statusCode()).isEqualTo(200);
			long before = chain.upstreamCalls(API);
			chain.delay(API, SLOW_CALLS, 8000);
			HttpClient callers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest call = HttpRequest
				.newBuilder(URI.create(chain.apiProxy.url() + API + "?access_token=" + proxyToken))
				.timeout(Duration.ofSeconds(60))
				.build();
			List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, SLOW_CALLS)
				.mapToObj((i) -> callers.sendAsync(call, HttpResponse.BodyHandlers.ofString()))
				.toList();
			// all 20 have reached WeChat, which holds them
			await().atMost(Duration.ofSeconds(20)).until(() -> chain.upstreamCalls(API) - before == SLOW_CALLS);

			chain.apiProxy.terminate();

			int port = URI.create(chain.apiProxy.url()).getPort();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(port)));
			assertThat(answers).as("still in flight when the port closed").noneMatch(CompletableFuture::isDone);
			for (CompletableFuture<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.join();
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains("ip_list");
			}
			assertThat(chain.apiProxy.exitsWithin(Duration.ofSeconds(30))).isTrue();
			assertThat(chain.apiProxy.output()).contains("Graceful shutdown complete");
		}
	}

	private static void connect(int port) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			// connected: still accepting
		}
	}

}

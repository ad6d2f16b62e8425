package io.wxhub.apiproxy.forward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.wxhub.domains.WeChatDomains;
import io.wxhub.domains.WeChatDomainsProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which calls the client sends to another WeChat domain: local servers stand in for a
 * failing primary and a working backup.
 */
class WeChatClientFailoverTests {

	private final Domain backup = new Domain(200);

	private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() throws Exception {
		this.backup.server.stop(0);
		for (AutoCloseable resource : this.closing) {
			resource.close();
		}
	}

	@Test
	void aRefusedConnectionMovesAnyCallToTheBackup() {
		WeChatClient client = client(closedPort(), this.backup.url());
		assertThat(send(client, "POST").status()).isEqualTo(200);
		assertThat(this.backup.requests).containsExactly("POST");
	}

	@Test
	void aGetAnswered5xxIsSentOnceMoreOnTheBackup() {
		Domain failing = new Domain(503);
		WeChatClient client = client(failing.url(), this.backup.url());
		assertThat(send(client, "GET").status()).isEqualTo(200);
		assertThat(failing.requests).containsExactly("GET");
		assertThat(this.backup.requests).containsExactly("GET");
	}

	@Test
	void aPostAnswered5xxIsNotSentAgain() {
		Domain failing = new Domain(502);
		WeChatClient client = client(failing.url(), this.backup.url());
		assertThat(send(client, "POST").status()).isEqualTo(502);
		assertThat(failing.requests).containsExactly("POST");
		assertThat(this.backup.requests).isEmpty();
	}

	@Test
	void withEveryDomainRefusingTheCallFailsUnreachable() {
		WeChatClient client = client(closedPort(), closedPort());
		assertThatExceptionOfType(UpstreamFailure.class).isThrownBy(() -> send(client, "GET"))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.UNREACHABLE));
	}

	private WeChatClient client(String primary, String backup) {
		WeChatDomains domains = WeChatDomains.of(
				new WeChatDomainsProperties(null, List.of(URI.create(primary), URI.create(backup)),
						new WeChatDomainsProperties.Failover(Duration.ofMinutes(1), Duration.ofSeconds(1), 10, 3, 50)),
				new SimpleMeterRegistry());
		WeChatClient client = new WeChatClient(domains, Duration.ofSeconds(1), Duration.ofSeconds(2), null, null);
		this.closing.add(client::close);
		return client;
	}

	private static Answer send(WeChatClient client, String method) {
		return client
			.send(method, "/cgi-bin/menu/get?access_token=real", new DefaultHttpHeaders(),
					"POST".equals(method) ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0])
			.block(Duration.ofSeconds(10));
	}

	private static String closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A domain answering every request with one status; records the methods. */
	private final class Domain {

		final HttpServer server;

		final List<String> requests = new CopyOnWriteArrayList<>();

		Domain(int status) {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.createContext("/", (exchange) -> {
				this.requests.add(exchange.getRequestMethod());
				exchange.getRequestBody().readAllBytes();
				byte[] body = ((status < 500) ? "{\"errcode\":0}" : "<html>Bad Gateway</html>")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", (status < 500) ? "application/json" : "text/html");
				exchange.sendResponseHeaders(status, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			this.server.start();
			if (WeChatClientFailoverTests.this.closing != null) {
				WeChatClientFailoverTests.this.closing.add(() -> this.server.stop(0));
			}
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

	}

}

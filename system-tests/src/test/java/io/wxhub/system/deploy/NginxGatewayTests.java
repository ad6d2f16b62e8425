package io.wxhub.system.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as nginx serves it ({@link LocalNginx}), with a stand-in for each service
 * it forwards to that records what reaches it: {@code /wx/} reaches the message-service
 * and {@code /oauth2/} the broker, path and query unchanged, with the forwarded headers;
 * any other method is 403, and any other path 404 without reaching anything, the broker's
 * key set and every actuator endpoint included, however the path is spelt.
 */
class NginxGatewayTests {

	private static final String APP = "wx5e1f0ad3c0ffee01";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	@TempDir
	static Path directory;

	private static final Map<String, Upstream> upstreams = new LinkedHashMap<>();

	private static LocalNginx nginx;

	@BeforeAll
	static void startTheGateway() throws Exception {
		Map<String, String> addresses = new LinkedHashMap<>();
		ComposeServices compose = new ComposeServices();
		for (String service : NginxConfigTests.PROXIED.values()) {
			Upstream upstream = new Upstream(service);
			upstreams.put(service, upstream);
			addresses.put(service + ":" + compose.port(service), "127.0.0.1:" + upstream.port());
		}
		nginx = LocalNginx.start(directory, addresses);
	}

	@AfterAll
	static void stopTheGateway() throws Exception {
		if (nginx != null) {
			nginx.close();
		}
		upstreams.values().forEach(Upstream::stop);
	}

	@BeforeEach
	void forgetRequests() {
		upstreams.values().forEach((upstream) -> upstream.requests.clear());
	}

	@Test
	void webAuthorizationReachesTheBrokerUnchangedWithTheForwardedHeaders() throws Exception {
		String authorize = "/oauth2/" + APP + "/authorize?client=internal"
				+ "&return_to=https%3A%2F%2Fapp.example.com%2Fh5%2Fa%3Fb%3D1&scope=snsapi_userinfo";
		String callback = "/oauth2/" + APP + "/callback?code=0a1B2c&state=" + "ab".repeat(32);
		for (String pathAndQuery : List.of(authorize, callback)) {
			HttpResponse<String> response = send("GET", pathAndQuery);
			assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
			assertThat(response.body()).isEqualTo("web-auth");
		}
		assertThat(upstreams.get("message-service").requests).isEmpty();
		List<Request> requests = upstreams.get("web-auth").requests;
		assertThat(requests).extracting(Request::line).containsExactly("GET " + authorize, "GET " + callback);
		Headers headers = requests.get(0).headers();
		assertThat(headers.getFirst("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(headers.getFirst("X-Forwarded-Host")).isEqualTo("127.0.0.1");
		assertThat(headers.getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
		assertThat(headers.getFirst("X-Real-IP")).isEqualTo("127.0.0.1");
		assertThat(headers.getFirst("Host")).isEqualTo("127.0.0.1");
	}

	@Test
	void theBrokerIsReachedWithGetOnly() throws Exception {
		for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
			assertThat(send(method, "/oauth2/" + APP + "/authorize?client=internal").statusCode()).as(method)
				.isEqualTo(403);
		}
		assertThat(upstreams.get("web-auth").requests).isEmpty();
	}

	@Test
	void weChatsCallbacksReachTheMessageService() throws Exception {
		String verification = "/wx/" + APP + "?signature=5f1c&timestamp=1700000000&nonce=42&echostr=hello";
		String push = "/wx/" + APP + "?signature=5f1c&timestamp=1700000000&nonce=42&encrypt_type=aes"
				+ "&msg_signature=9e2d";
		assertThat(send("GET", verification).statusCode()).isEqualTo(200);
		assertThat(send("POST", push).body()).isEqualTo("message-service");
		assertThat(send("PUT", push).statusCode()).isEqualTo(403);
		assertThat(upstreams.get("message-service").requests).extracting(Request::line)
			.containsExactly("GET " + verification, "POST " + push);
		assertThat(upstreams.get("web-auth").requests).isEmpty();
	}

	@Test
	void nothingElseExistsAtTheGateway() throws Exception {
		List<String> paths = List.of("/", "/.well-known/jwks.json", "/.well-known/", "/actuator", "/actuator/health",
				"/actuator/health/readiness", "/actuator/prometheus", "/oauth2/../.well-known/jwks.json",
				"/oauth2/%2e%2e/actuator/health", "/oauth2/./../actuator/env", "/wx/../actuator/health", "/demo/",
				"/demo/page", "/v1/apps/" + APP + "/access-token", "/v3/api-docs",
				"/cgi-bin/token?grant_type=client_credential", "/sns/userinfo", "/sandbox/reset",
				"/connect/oauth2/authorize", "/OAUTH2/" + APP + "/authorize", "//oauth2x/");
		for (String path : paths) {
			assertThat(send("GET", path).statusCode()).as(path).isEqualTo(404);
		}
		// nginx's own answer for a proxied prefix without its slash: there, not further
		for (String prefix : NginxConfigTests.PROXIED.keySet()) {
			HttpResponse<String> redirect = send("GET", prefix.substring(0, prefix.length() - 1));
			assertThat(redirect.statusCode()).as(prefix).isEqualTo(301);
			assertThat(redirect.headers().firstValue("Location")).as(prefix)
				.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo(prefix));
		}
		assertThat(upstreams.values())
			.allSatisfy((upstream) -> assertThat(upstream.requests).as(upstream.name).isEmpty());
		HttpResponse<String> healthz = send("GET", "/healthz");
		assertThat(healthz.statusCode()).isEqualTo(200);
		assertThat(healthz.body()).isEqualTo("ok\n");
	}

	private static HttpResponse<String> send(String method, String pathAndQuery)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(nginx.url(pathAndQuery)))
			.timeout(Duration.ofSeconds(10))
			.method(method,
					method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString("<xml></xml>"))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A request as it reached a service: method, raw path and query, headers. */
	record Request(String method, String target, Headers headers) {

		String line() {
			return this.method + " " + this.target;
		}

	}

	/** A stand-in service that answers its own name and records every request. */
	static final class Upstream {

		final String name;

		final List<Request> requests = new CopyOnWriteArrayList<>();

		private final HttpServer server;

		Upstream(String name) throws IOException {
			this.name = name;
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
						exchange.getRequestHeaders()));
				byte[] body = name.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			this.server.start();
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		void stop() {
			this.server.stop(0);
		}

	}

}

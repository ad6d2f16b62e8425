package io.wxhub.apiproxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.wxhub.sandbox.SandboxApplication;
import io.wxhub.testsupport.TestRedis;
import io.wxhub.tokenserver.TokenServerApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox (WeChat), a token server and N proxy replicas in this JVM on one real Redis
 * under a unique prefix, with HTTP helpers. Closing it stops everything and deletes the
 * prefix's keys.
 */
final class ProxyCluster implements AutoCloseable {

	static final String APP = "wx00000000proxy001";

	static final String APP_SECRET = "proxy-app-secret";

	static final String CLIENT_KEY = "proxy-client-key-all";

	static final String LIMITED_KEY = "proxy-client-key-limited";

	static final String TOKEN_SERVER_KEY = "proxy-to-token-server";

	static final String SIGNING_KEY = "test-signing-key-0123456789abcdefghijklmnop";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final String prefix = TestRedis.newPrefix("api-proxy");

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final String sandboxUrl;

	private final String tokenServerUrl;

	private ProxyCluster(List<String> sandboxArgs, List<String> tokenServerArgs) {
		List<String> sandbox = new ArrayList<>(List.of("--server.port=0", "--sandbox.accounts[0].app-id=" + APP,
				"--sandbox.accounts[0].secret=" + APP_SECRET, "--sandbox.accounts[0].original-id=gh_proxytest001",
				"--sandbox.accounts[0].open-platform-account=proxy-test-open-platform"));
		sandbox.addAll(sandboxArgs);
		this.sandboxUrl = start(SandboxApplication.builder().run(sandbox.toArray(String[]::new)));
		List<String> tokenServer = new ArrayList<>(List.of("--server.port=0",
				"--spring.data.redis.url=" + TestRedis.url(), "--token-server.redis-prefix=" + this.prefix,
				"--wechat.api-base-url=" + this.sandboxUrl, "--token-server.apps[0].app-id=" + APP,
				"--token-server.apps[0].secret=" + APP_SECRET, "--token-server.clients[0].id=proxy",
				"--token-server.clients[0].key=" + TOKEN_SERVER_KEY, "--token-server.clients[0].apps[0]=" + APP));
		tokenServer.addAll(tokenServerArgs);
		this.tokenServerUrl = start(TokenServerApplication.builder().run(tokenServer.toArray(String[]::new)));
	}

	/** A sandbox and token server with extra arguments for each. */
	static ProxyCluster start(List<String> sandboxArgs, List<String> tokenServerArgs) {
		return new ProxyCluster(sandboxArgs, tokenServerArgs);
	}

	/**
	 * Starts a proxy replica with two clients (one unrestricted, one limited to a path
	 * and a rate); returns its URL.
	 */
	String startProxy(String... extraArgs) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
				"--api-proxy.redis-prefix=" + this.prefix, "--wechat.api-base-url=" + this.sandboxUrl,
				"--api-proxy.token-server.url=" + this.tokenServerUrl,
				"--api-proxy.token-server.client-key=" + TOKEN_SERVER_KEY, "--api-proxy.signing-key=" + SIGNING_KEY,
				"--api-proxy.clients[0].id=all", "--api-proxy.clients[0].key=" + CLIENT_KEY,
				"--api-proxy.clients[0].apps[0]=" + APP, "--api-proxy.clients[0].allow[0]=/cgi-bin/**",
				"--api-proxy.clients[0].allow[1]=/sns/**", "--api-proxy.clients[1].id=limited",
				"--api-proxy.clients[1].key=" + LIMITED_KEY, "--api-proxy.clients[1].apps[0]=" + APP,
				"--api-proxy.clients[1].allow[0]=/cgi-bin/get_api_domain_ip", "--api-proxy.clients[1].rate-limit=20"));
		args.addAll(List.of(extraArgs));
		ConfigurableApplicationContext proxy = ApiProxyApplication.builder().run(args.toArray(String[]::new));
		this.contexts.add(proxy);
		return "http://127.0.0.1:" + ApiProxyApplication.port(proxy);
	}

	String sandboxUrl() {
		return this.sandboxUrl;
	}

	String tokenServerUrl() {
		return this.tokenServerUrl;
	}

	/** Exchanges a client key for a proxy token at a proxy, as an SDK would. */
	static String proxyToken(String proxyUrl, String clientKey) {
		JsonNode answer = json(
				get(proxyUrl + "/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + clientKey));
		return answer.path("access_token").asString();
	}

	/** Upstream calls the sandbox counted for the app and path. */
	long upstreamCalls(String path) {
		return json(get(this.sandboxUrl + "/sandbox/apps/" + APP + "/calls")).path("calls").path(path).asLong(0);
	}

	/** Makes the sandbox answer the next {@code count} calls of a path with a fault. */
	void injectFault(String faultJson) {
		post(this.sandboxUrl + "/sandbox/apps/" + APP + "/faults", faultJson);
	}

	static HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	static HttpResponse<String> post(String url, String json) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private String start(ConfigurableApplicationContext context) {
		this.contexts.add(context);
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
		TestRedis.deleteKeys(this.prefix);
	}

}

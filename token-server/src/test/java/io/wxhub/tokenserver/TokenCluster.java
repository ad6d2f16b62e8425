package io.wxhub.tokenserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wxhub.sandbox.SandboxApplication;
import io.wxhub.testsupport.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A sandbox (WeChat) and N token-server replicas in this JVM, sharing one real Redis
 * under a unique key prefix, with HTTP helpers for the tests. Closing it stops everything
 * and deletes the prefix's keys.
 */
final class TokenCluster implements AutoCloseable {

	static final String APP = "wx00000000test0001";

	static final String STABLE_APP = "wx00000000test0002";

	static final String CLIENT_KEY = "test-client-key-1";

	static final String OTHER_CLIENT_KEY = "test-client-key-2";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final String prefix = TestRedis.newPrefix("token-server");

	private final ConfigurableApplicationContext sandbox;

	private final List<ConfigurableApplicationContext> tokenServers = new ArrayList<>();

	private final String redisUrl;

	private TokenCluster(List<String> sandboxArgs, String redisUrl) {
		this.redisUrl = redisUrl;
		List<String> args = new ArrayList<>(List.of("--spring.config.name=sandbox", "--server.port=0",
				"--sandbox.accounts[0].app-id=" + APP, "--sandbox.accounts[0].secret=secret-one",
				"--sandbox.accounts[1].app-id=" + STABLE_APP, "--sandbox.accounts[1].secret=secret-two"));
		args.addAll(sandboxArgs);
		this.sandbox = SandboxApplication.builder().run(args.toArray(String[]::new));
	}

	/** A sandbox with the given extra arguments, on the shared test Redis. */
	static TokenCluster withSandbox(String... sandboxArgs) {
		return new TokenCluster(List.of(sandboxArgs), TestRedis.url());
	}

	/** A sandbox with the given extra arguments, on a Redis the test owns. */
	static TokenCluster withSandboxOnRedis(String redisUrl, String... sandboxArgs) {
		return new TokenCluster(List.of(sandboxArgs), redisUrl);
	}

	/** Starts one more token-server replica; returns its base URL. */
	String startTokenServer(String... extraArgs) {
		List<String> args = new ArrayList<>(List.of("--spring.config.name=token-server", "--server.port=0",
				"--spring.data.redis.url=" + this.redisUrl, "--token-server.redis-prefix=" + this.prefix,
				"--wechat.api-base-url=" + sandboxUrl(), "--token-server.apps[0].app-id=" + APP,
				"--token-server.apps[0].secret=secret-one", "--token-server.apps[1].app-id=" + STABLE_APP,
				"--token-server.apps[1].secret=secret-two", "--token-server.apps[1].mode=stable",
				"--token-server.clients[0].id=tests", "--token-server.clients[0].key=" + CLIENT_KEY,
				"--token-server.clients[0].apps[0]=" + APP, "--token-server.clients[0].apps[1]=" + STABLE_APP,
				"--token-server.clients[1].id=other", "--token-server.clients[1].key=" + OTHER_CLIENT_KEY,
				"--token-server.clients[1].apps[0]=" + STABLE_APP, "--token-server.upstream.initial-backoff=50ms",
				"--token-server.upstream.max-backoff=200ms"));
		args.addAll(List.of(extraArgs));
		ConfigurableApplicationContext context = TokenServerApplication.builder().run(args.toArray(String[]::new));
		this.tokenServers.add(context);
		return urlOf(context);
	}

	String sandboxUrl() {
		return urlOf(this.sandbox);
	}

	String tokenServerUrl(int index) {
		return urlOf(this.tokenServers.get(index));
	}

	ConfigurableApplicationContext tokenServer(int index) {
		return this.tokenServers.get(index);
	}

	/** Upstream calls the sandbox counted for an app and path. */
	long upstreamCalls(String appId, String path) {
		JsonNode calls = json(get(sandboxUrl() + "/sandbox/apps/" + appId + "/calls", null)).path("calls");
		return calls.path(path).asLong(0);
	}

	/** Makes the sandbox fail the next {@code count} calls of a path. */
	void injectFault(String appId, String path, int count, int errcode) {
		post(sandboxUrl() + "/sandbox/apps/" + appId + "/faults", null,
				"{\"path\":\"" + path + "\",\"count\":" + count + ",\"errcode\":" + errcode + "}");
	}

	/**
	 * Another holder of the AppSecret fetches two classic tokens: the token the servers
	 * hold dies at once.
	 */
	void rotateBehindOurBack(String appId) {
		for (int i = 0; i < 2; i++) {
			var response = post(sandboxUrl() + "/sandbox/apps/" + appId + "/third-party-token", null,
					"{\"mode\":\"classic\"}");
			if (response.statusCode() != 200 || !json(response).path("rotated").asBoolean()) {
				throw new IllegalStateException("third-party rotation failed: " + response.body());
			}
		}
	}

	/** The sandbox's verdict on a token right now. */
	JsonNode tokenCheck(String appId, String token) {
		return json(post(sandboxUrl() + "/sandbox/apps/" + appId + "/token-check", null,
				JSON.writeValueAsString(Map.of("accessToken", token))));
	}

	static HttpResponse<String> get(String url, String bearer) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), bearer);
	}

	static HttpResponse<String> post(String url, String bearer, String body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), bearer);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String bearer) {
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String urlOf(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.tokenServers.forEach(ConfigurableApplicationContext::close);
		this.sandbox.close();
		if (this.redisUrl.equals(TestRedis.url())) {
			TestRedis.deleteKeys(this.prefix);
		}
	}

}

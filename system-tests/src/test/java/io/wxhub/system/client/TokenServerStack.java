package io.wxhub.system.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wxhub.client.WxhubTokens;
import io.wxhub.system.e2e.ServiceProcess;
import io.wxhub.testsupport.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the client's tests run against: the sandbox (WeChat, with its two demo accounts)
 * and one token server, as real processes on the real Redis under a test prefix. The
 * token server has the demo accounts and two clients: the demo client, which may read
 * both apps, and a client that may read {@link #APP} only.
 */
final class TokenServerStack implements AutoCloseable {

	static final String APP = "wx5e1f0ad3c0ffee01";

	static final String OTHER_APP = "wx5e1f0ad3c0ffee02";

	static final String KEY = "demo-token-client-key";

	static final String LIMITED_KEY = "client-tests-limited-key";

	/** The token server's route of access-token reads, as its metrics tag it. */
	static final String ACCESS_TOKEN_URI = "/v1/apps/{appId}/access-token";

	static final String REFRESH_URI = "/v1/apps/{appId}/access-token/refresh";

	static final String TICKET_URI = "/v1/apps/{appId}/{name}-ticket";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern REQUESTS = Pattern
		.compile("(?m)^http_server_requests_seconds_count\\{(.*)} ([0-9.E+-]+)$");

	private final String prefix = TestRedis.newPrefix("client");

	private final ServiceProcess sandbox;

	private final ServiceProcess tokenServer;

	/** Starts both; the arguments tune token lifetimes and refreshes. */
	TokenServerStack(List<String> sandboxArgs, List<String> tokenServerArgs) {
		this.sandbox = ServiceProcess.start("sandbox", "client-sandbox", Map.of(), sandboxArgs);
		List<String> args = new ArrayList<>(List.of("--token-server.redis-prefix=" + this.prefix,
				"--token-server.clients[0].id=demo", "--token-server.clients[0].key=" + KEY,
				"--token-server.clients[0].apps=" + APP + "," + OTHER_APP, "--token-server.clients[1].id=limited",
				"--token-server.clients[1].key=" + LIMITED_KEY, "--token-server.clients[1].apps=" + APP));
		args.addAll(tokenServerArgs);
		this.tokenServer = ServiceProcess.start("token-server", "client-token-server", Map.of("REDIS_URL",
				TestRedis.url(), "SPRING_PROFILES_ACTIVE", "demo", "WECHAT_API_BASE_URL", this.sandbox.url()), args);
		this.sandbox.awaitReady();
		this.tokenServer.awaitReady();
	}

	/** The token server's URL. */
	String url() {
		return this.tokenServer.url();
	}

	/** WeChat's (the sandbox's) URL. */
	String sandboxUrl() {
		return this.sandbox.url();
	}

	/** A client of the token server with the demo client's key. */
	WxhubTokens.Builder client() {
		return WxhubTokens.builder().urls(List.of(url())).clientKey(KEY);
	}

	/**
	 * How many requests of {@code uri} (a route template) the token server has served,
	 * from its own metrics.
	 */
	long served(String uri) {
		Matcher line = REQUESTS.matcher(get(url() + "/actuator/prometheus").body());
		double count = 0;
		while (line.find()) {
			if (line.group(1).contains("uri=\"" + uri + "\"")) {
				count += Double.parseDouble(line.group(2));
			}
		}
		return (long) count;
	}

	/** The token server's own answer to an access-token read. */
	JsonNode accessTokenAnswer() {
		HttpResponse<String> answer = send(
				HttpRequest.newBuilder(URI.create(url() + "/v1/apps/" + APP + "/access-token"))
					.header("Authorization", "Bearer " + KEY));
		return JSON.readTree(answer.body());
	}

	/** Whether WeChat (the sandbox) accepts {@code token} now. */
	boolean tokenValid(String appId, String token) {
		return sandboxPost(appId, "/token-check", Map.of("accessToken", token)).path("valid").asBoolean();
	}

	/** Whether WeChat (the sandbox) accepts {@code ticket} now. */
	boolean ticketValid(String appId, String ticket) {
		return sandboxPost(appId, "/ticket-check", Map.of("ticket", ticket)).path("valid").asBoolean();
	}

	/**
	 * Another holder of the AppSecret fetches two tokens, behind wxhub's back: WeChat
	 * keeps only the newest two alive, so the one wxhub holds is dead (its tickets live
	 * on).
	 */
	void rotateBehindWxhubsBack(String appId) {
		for (int i = 0; i < 2; i++) {
			sandboxPost(appId, "/third-party-token", Map.of("mode", "classic"));
		}
	}

	/**
	 * A fault for the app's next calls of a WeChat API (the sandbox's fault injection).
	 */
	void fault(String appId, Map<String, Object> fault) {
		sandboxPost(appId, "/faults", fault);
	}

	/** How often the token server called a WeChat API for the app. */
	long upstreamCalls(String appId, String path) {
		return JSON.readTree(get(this.sandbox.url() + "/sandbox/apps/" + appId + "/calls").body())
			.path("calls")
			.path(path)
			.asLong(0);
	}

	/** A URL nobody listens on: connections are refused. */
	static String deadUrl() {
		return "http://127.0.0.1:" + ServiceProcess.freePort();
	}

	private JsonNode sandboxPost(String appId, String path, Map<String, ?> body) {
		HttpResponse<String> answer = send(
				HttpRequest.newBuilder(URI.create(this.sandbox.url() + "/sandbox/apps/" + appId + path))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException("sandbox " + path + ": " + answer.statusCode() + " " + answer.body());
		}
		return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
	}

	private static HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
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

	@Override
	public void close() {
		this.tokenServer.stop();
		this.sandbox.stop();
		TestRedis.deleteKeys(this.prefix);
	}

}

package io.wxhub.system.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxhub.testsupport.RoundRobin;
import io.wxhub.testsupport.TestRedis;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as real processes on one real Redis: the sandbox (WeChat), two token
 * servers behind a round-robin, an api-proxy, and two message services behind another
 * round-robin that WeChat pushes to. The services run with their shipped configuration
 * and its demo profile (demo accounts and keys); only ports, Redis, the WeChat URL and
 * test-only rules differ.
 */
final class SystemUnderTest implements AutoCloseable {

	static final String APP = "wx5e1f0ad3c0ffee01";

	static final String FOLLOWER = "o6QT0ruIp7HqPn01laGVDpNMMn4p";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	final String prefix = TestRedis.newPrefix("e2e");

	final RoundRobin tokenServers = RoundRobin.start();

	final RoundRobin callback = RoundRobin.start();

	final ServiceProcess sandbox;

	final List<ServiceProcess> tokenServerProcesses = new ArrayList<>();

	final ServiceProcess apiProxy;

	final List<ServiceProcess> messageServices = new ArrayList<>();

	private final List<ServiceProcess> all = new ArrayList<>();

	/**
	 * Starts everything. {@code extraRules} are routing rules put before the shipped
	 * ones; {@code sandboxArgs} and {@code tokenServerArgs} tune token lifetimes and the
	 * like.
	 */
	SystemUnderTest(List<Map<String, Object>> extraRules, List<String> sandboxArgs, List<String> tokenServerArgs) {
		// the services' demo profile: the demo accounts and keys
		Map<String, String> redis = Map.of("REDIS_URL", TestRedis.url(), "SPRING_PROFILES_ACTIVE", "demo");
		List<String> sandboxAll = new ArrayList<>(List.of("--sandbox.accounts[0].app-id=" + APP,
				"--sandbox.accounts[0].secret=0f1e2d3c4b5a69788796a5b4c3d2e1f0",
				"--sandbox.accounts[0].original-id=gh_wxhubdemo01",
				"--sandbox.accounts[0].callback-url=" + this.callback.url() + "/wx/" + APP,
				"--sandbox.accounts[0].token=wxhubdemo",
				"--sandbox.accounts[0].aes-key=wxhubDemoEncodingAesKey0123456789abcdefghij",
				"--sandbox.accounts[0].mode=safe"));
		sandboxAll.addAll(sandboxArgs);
		this.sandbox = track(ServiceProcess.start("sandbox", "sandbox", Map.of(), sandboxAll));
		Map<String, String> wechat = with(redis, "WECHAT_API_BASE_URL", this.sandbox.url());
		for (int i = 1; i <= 2; i++) {
			List<String> args = new ArrayList<>(List.of("--token-server.redis-prefix=" + this.prefix));
			args.addAll(tokenServerArgs);
			this.tokenServerProcesses
				.add(track(ServiceProcess.start("token-server", "token-server-" + i, wechat, args)));
		}
		this.apiProxy = track(ServiceProcess.start("api-proxy", "api-proxy",
				with(wechat, "TOKEN_SERVER_URL", this.tokenServers.url()),
				List.of("--api-proxy.redis-prefix=" + this.prefix)));
		String rules = rulesFile(extraRules).toString();
		for (int i = 1; i <= 2; i++) {
			this.messageServices.add(track(ServiceProcess.start("message-service", "message-service-" + i,
					with(redis, "API_PROXY_URL", this.apiProxy.url()),
					List.of("--message-service.redis-prefix=" + this.prefix,
							"--spring.config.additional-location=file:" + rules))));
		}
		this.all.forEach(ServiceProcess::awaitReady);
		this.tokenServers.backends(this.tokenServerProcesses.stream().map(ServiceProcess::url).toArray(String[]::new));
		this.callback.backends(this.messageServices.stream().map(ServiceProcess::url).toArray(String[]::new));
	}

	/**
	 * A simulated follower of the demo account sends something; what the follower saw.
	 */
	JsonNode send(String json) {
		return json(post(this.sandbox.url() + "/sandbox/apps/" + APP + "/followers/" + FOLLOWER + "/send", json, null));
	}

	JsonNode conversation() {
		return json(get(this.sandbox.url() + "/sandbox/apps/" + APP + "/conversations/" + FOLLOWER, null));
	}

	long upstreamCalls(String path) {
		return json(get(this.sandbox.url() + "/sandbox/apps/" + APP + "/calls", null)).path("calls")
			.path(path)
			.asLong(0);
	}

	/** The real token, as an internal caller reads it from the token servers. */
	String accessToken() {
		return json(get(this.tokenServers.url() + "/v1/apps/" + APP + "/access-token", "demo-token-client-key"))
			.path("accessToken")
			.asString();
	}

	static HttpResponse<String> get(String url, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request);
	}

	static HttpResponse<String> post(String url, String json, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The shipped rules with the test's rules in front, as a config file the services
	 * add.
	 */
	@SuppressWarnings("unchecked")
	private static Path rulesFile(List<Map<String, Object>> extraRules) {
		Path shipped = ServiceProcess.ROOT.resolve("message-service/src/main/resources/message-service.yml");
		try {
			Map<String, Object> config = new Yaml().load(Files.readString(shipped));
			List<Object> rules = new ArrayList<>(extraRules);
			rules.addAll((List<Object>) ((Map<String, Object>) config.get("message-service")).get("rules"));
			Path file = Files.createTempFile("e2e-rules-", ".yml");
			file.toFile().deleteOnExit();
			try (Writer writer = Files.newBufferedWriter(file)) {
				new Yaml().dump(Map.of("message-service", Map.of("rules", rules)), writer);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> with(Map<String, String> base, String key, String value) {
		Map<String, String> env = new LinkedHashMap<>(base);
		env.put(key, value);
		return env;
	}

	private ServiceProcess track(ServiceProcess process) {
		this.all.add(process);
		return process;
	}

	@Override
	public void close() {
		this.all.forEach(ServiceProcess::stop);
		this.tokenServers.close();
		this.callback.close();
		TestRedis.deleteKeys(this.prefix);
	}

}

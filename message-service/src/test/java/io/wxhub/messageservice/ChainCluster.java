package io.wxhub.messageservice;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.wxhub.sandbox.SandboxApplication;
import io.wxhub.testsupport.RoundRobin;
import io.wxhub.testsupport.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The message service's world in this JVM on one real Redis: the sandbox (WeChat, pushing
 * to a round-robin in front of the message-service replicas, and the API late replies go
 * to) and N message services. The chain through token-server and api-proxy is
 * system-tests' business. Three accounts, one per mode. Closing it stops everything and
 * deletes the prefix's keys.
 */
final class ChainCluster implements AutoCloseable {

	static final String SAFE_APP = "wxchain00000safe01";

	static final String COMPAT_APP = "wxchain00000compat";

	static final String PLAIN_APP = "wxchain0000plain01";

	static final List<String> APPS = List.of(SAFE_APP, COMPAT_APP, PLAIN_APP);

	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	/** The AppSecret of every account, and so the message services' client key. */
	static final String SECRET = "chain-app-secret";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final String prefix = TestRedis.newPrefix("chain");

	final RoundRobin callback = RoundRobin.start();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final String sandboxUrl;

	private final List<String> services = new ArrayList<>();

	/**
	 * Starts the sandbox; message services come with {@link #startServices}. Every
	 * account has the same AppSecret, which the message services use as their client key:
	 * the sandbox answers {@code /cgi-bin/token} and {@code /cgi-bin/message/custom/send}
	 * itself, so late replies reach "WeChat" exactly as they would through the api-proxy.
	 */
	ChainCluster(String... sandboxArgs) {
		List<String> sandbox = new ArrayList<>(List.of("--server.port=0"));
		for (int i = 0; i < APPS.size(); i++) {
			String app = APPS.get(i);
			String account = "--sandbox.accounts[" + i + "].";
			sandbox.addAll(List.of(account + "app-id=" + app, account + "secret=" + SECRET,
					account + "original-id=gh_" + app, account + "callback-url=" + this.callback.url() + "/wx/" + app,
					account + "token=token" + i, account + "aes-key=" + AES_KEY, account + "mode=" + mode(i)));
		}
		sandbox.addAll(List.of(sandboxArgs));
		this.sandboxUrl = start(SandboxApplication.builder().run(sandbox.toArray(String[]::new)));
	}

	/** Starts {@code count} message-service replicas behind the round-robin. */
	void startServices(int count, Class<?> extraSources, String... extraArgs) {
		for (int n = 0; n < count; n++) {
			List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
					"--message-service.redis-prefix=" + this.prefix,
					"--message-service.api-proxy.url=" + this.sandboxUrl,
					"--message-service.api-proxy.client-key=" + SECRET));
			for (int i = 0; i < APPS.size(); i++) {
				String app = "--message-service.apps[" + i + "].";
				args.addAll(List.of(app + "app-id=" + APPS.get(i), app + "original-id=gh_" + APPS.get(i),
						app + "token=token" + i, app + "aes-key=" + AES_KEY, app + "mode=" + mode(i)));
			}
			args.addAll(List.of(extraArgs));
			var builder = MessageServiceApplication.builder();
			if (extraSources != null) {
				builder.sources(extraSources);
			}
			this.services.add(start(builder.run(args.toArray(String[]::new))));
		}
		this.callback.backends(this.services.toArray(String[]::new));
	}

	/**
	 * A simulated follower sends something; the sandbox's report of what the follower
	 * saw.
	 */
	JsonNode send(String app, String openid, String json) {
		return json(post(this.sandboxUrl + "/sandbox/apps/" + app + "/followers/" + openid + "/send", json));
	}

	JsonNode conversation(String app, String openid) {
		return json(Pushes.send(HttpRequest
			.newBuilder(URI.create(this.sandboxUrl + "/sandbox/apps/" + app + "/conversations/" + openid))));
	}

	String sandboxUrl() {
		return this.sandboxUrl;
	}

	List<String> services() {
		return this.services;
	}

	static HttpResponse<String> post(String url, String json) {
		return Pushes.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static String mode(int index) {
		return List.of("safe", "compatible", "plain").get(index);
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
		this.callback.close();
		TestRedis.deleteKeys(this.prefix);
	}

}

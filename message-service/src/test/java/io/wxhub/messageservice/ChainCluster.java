package io.wxhub.messageservice;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.wxhub.apiproxy.ApiProxyApplication;
import io.wxhub.sandbox.SandboxApplication;
import io.wxhub.testsupport.RoundRobin;
import io.wxhub.testsupport.TestRedis;
import io.wxhub.tokenserver.TokenServerApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole chain in this JVM on one real Redis: the sandbox (WeChat, pushing to a
 * round-robin in front of the message-service replicas), a token server, an api-proxy,
 * and N message services. Three accounts, one per mode. Closing it stops everything and
 * deletes the prefix's keys.
 */
final class ChainCluster implements AutoCloseable {

	static final String SAFE_APP = "wxchain00000safe01";

	static final String COMPAT_APP = "wxchain00000compat";

	static final String PLAIN_APP = "wxchain0000plain01";

	static final List<String> APPS = List.of(SAFE_APP, COMPAT_APP, PLAIN_APP);

	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final String prefix = TestRedis.newPrefix("chain");

	final RoundRobin callback = RoundRobin.start();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final String sandboxUrl;

	private final String proxyUrl;

	private final List<String> services = new ArrayList<>();

	/**
	 * Starts sandbox, token-server and api-proxy; message services come with
	 * {@link #startServices}.
	 */
	ChainCluster(String... sandboxArgs) {
		List<String> sandbox = new ArrayList<>(List.of("--server.port=0"));
		List<String> tokens = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
				"--token-server.redis-prefix=" + this.prefix, "--token-server.clients[0].id=proxy",
				"--token-server.clients[0].key=chain-proxy-key"));
		for (int i = 0; i < APPS.size(); i++) {
			String app = APPS.get(i);
			String account = "--sandbox.accounts[" + i + "].";
			sandbox.addAll(List.of(account + "app-id=" + app, account + "secret=secret-" + i,
					account + "original-id=gh_" + app, account + "callback-url=" + this.callback.url() + "/wx/" + app,
					account + "token=token" + i, account + "aes-key=" + AES_KEY, account + "mode=" + mode(i)));
			tokens.addAll(List.of("--token-server.apps[" + i + "].app-id=" + app,
					"--token-server.apps[" + i + "].secret=secret-" + i,
					"--token-server.clients[0].apps[" + i + "]=" + app));
		}
		sandbox.addAll(List.of(sandboxArgs));
		this.sandboxUrl = start(SandboxApplication.builder().run(sandbox.toArray(String[]::new)));
		tokens.add("--wechat.api-base-url=" + this.sandboxUrl);
		String tokenServer = start(TokenServerApplication.builder().run(tokens.toArray(String[]::new)));
		List<String> proxy = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
				"--api-proxy.redis-prefix=" + this.prefix, "--wechat.api-base-url=" + this.sandboxUrl,
				"--api-proxy.token-server.url=" + tokenServer, "--api-proxy.token-server.client-key=chain-proxy-key",
				"--api-proxy.signing-key=chain-signing-key-0123456789abcdefghijkl",
				"--api-proxy.clients[0].id=message-service", "--api-proxy.clients[0].key=chain-messages-key",
				"--api-proxy.clients[0].allow[0]=/cgi-bin/message/custom/send"));
		for (int i = 0; i < APPS.size(); i++) {
			proxy.add("--api-proxy.clients[0].apps[" + i + "]=" + APPS.get(i));
		}
		ConfigurableApplicationContext proxyContext = ApiProxyApplication.builder().run(proxy.toArray(String[]::new));
		this.contexts.add(proxyContext);
		this.proxyUrl = "http://127.0.0.1:" + ApiProxyApplication.port(proxyContext);
	}

	/** Starts {@code count} message-service replicas behind the round-robin. */
	void startServices(int count, Class<?> extraSources, String... extraArgs) {
		for (int n = 0; n < count; n++) {
			List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
					"--message-service.redis-prefix=" + this.prefix, "--message-service.api-proxy.url=" + this.proxyUrl,
					"--message-service.api-proxy.client-key=chain-messages-key"));
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

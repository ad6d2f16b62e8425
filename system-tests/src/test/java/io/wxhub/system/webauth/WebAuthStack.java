package io.wxhub.system.webauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wxhub.system.e2e.ServiceProcess;
import io.wxhub.testsupport.TestRedis;

/**
 * What web authorization runs on, as real processes with their demo profiles on the real
 * Redis under a test prefix: WeChat (the sandbox, which also plays
 * {@code open.weixin.qq.com}), a token server, the api-proxy and the broker, whose own
 * demo page plays an internal web app.
 */
final class WebAuthStack implements AutoCloseable {

	static final String APP = "wx5e1f0ad3c0ffee01";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	private final String prefix = TestRedis.newPrefix("web-auth");

	private final List<ServiceProcess> all = new ArrayList<>();

	final ServiceProcess sandbox;

	final ServiceProcess tokenServer;

	final ServiceProcess apiProxy;

	final ServiceProcess webAuth;

	WebAuthStack() {
		Map<String, String> demo = Map.of("REDIS_URL", TestRedis.url(), "SPRING_PROFILES_ACTIVE", "demo");
		this.sandbox = track(ServiceProcess.start("sandbox", "web-auth-sandbox", Map.of(), List.of()));
		Map<String, String> wechat = with(demo, "WECHAT_API_BASE_URL", this.sandbox.url());
		this.tokenServer = track(ServiceProcess.start("token-server", "web-auth-token-server", wechat,
				List.of("--token-server.redis-prefix=" + this.prefix)));
		this.apiProxy = track(ServiceProcess.start("api-proxy", "web-auth-api-proxy",
				with(wechat, "TOKEN_SERVER_URL", this.tokenServer.url()),
				List.of("--api-proxy.redis-prefix=" + this.prefix)));
		int port = ServiceProcess.freePort();
		Map<String, String> broker = with(
				with(with(with(demo, "TOKEN_SERVER_URL", this.tokenServer.url()), "API_PROXY_URL", this.apiProxy.url()),
						"WECHAT_OPEN_BASE_URL", this.sandbox.url()),
				"WEB_AUTH_PUBLIC_URL", "http://127.0.0.1:" + port);
		this.webAuth = track(ServiceProcess.start("web-auth", "web-auth", port, broker,
				List.of("--web-auth.redis-prefix=" + this.prefix)));
		this.all.forEach(ServiceProcess::awaitReady);
	}

	/** The broker's demo page, where a person starts. */
	String demoPage() {
		return this.webAuth.url() + "/demo/";
	}

	/** A GET that does not follow redirects. */
	static HttpResponse<String> get(String url) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("GET " + url, ex);
		}
	}

	private ServiceProcess track(ServiceProcess process) {
		this.all.add(process);
		return process;
	}

	private static Map<String, String> with(Map<String, String> base, String key, String value) {
		Map<String, String> copy = new java.util.LinkedHashMap<>(base);
		copy.put(key, value);
		return copy;
	}

	@Override
	public void close() {
		for (int i = this.all.size() - 1; i >= 0; i--) {
			this.all.get(i).stop();
		}
		TestRedis.deleteKeys(this.prefix);
	}

}

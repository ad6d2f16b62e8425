package io.wxhub.system.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxhub.testsupport.TestRedis;

import static io.wxhub.system.e2e.SystemUnderTest.APP;

/**
 * The sandbox (WeChat), token servers and one api-proxy as real processes on one real
 * Redis, with the demo profile. The api-proxy knows the token servers as compose tells
 * it: the discovery list, one
 * {@code SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_…_URI} variable per replica.
 */
final class ProxyChain implements AutoCloseable {

	static final String PROXY_CLIENT_KEY = "demo-proxy-client-key";

	final String prefix = TestRedis.newPrefix("e2e-proxy-chain");

	final ServiceProcess sandbox;

	final List<ServiceProcess> tokenServers = new ArrayList<>();

	final ServiceProcess apiProxy;

	private final List<ServiceProcess> all = new ArrayList<>();

	/**
	 * Starts everything, the processes named after {@code name} (their output in
	 * {@code target/e2e/}).
	 */
	ProxyChain(String name, int tokenServerCount, List<String> proxyArgs) {
		Map<String, String> demo = new LinkedHashMap<>(
				Map.of("REDIS_URL", TestRedis.url(), "SPRING_PROFILES_ACTIVE", "demo"));
		this.sandbox = track(ServiceProcess.start("sandbox", name + "-sandbox", Map.of(),
				List.of("--sandbox.accounts[0].app-id=" + APP,
						"--sandbox.accounts[0].secret=0f1e2d3c4b5a69788796a5b4c3d2e1f0",
						"--sandbox.accounts[0].original-id=gh_wxhubdemo01")));
		demo.put("WECHAT_API_BASE_URL", this.sandbox.url());
		Map<String, String> proxyEnv = new LinkedHashMap<>(demo);
		for (int i = 0; i < tokenServerCount; i++) {
			ServiceProcess tokenServer = track(ServiceProcess.start("token-server", name + "-token-server-" + (i + 1),
					demo, List.of("--token-server.redis-prefix=" + this.prefix)));
			this.tokenServers.add(tokenServer);
			proxyEnv.put("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_TOKEN_SERVER_" + i + "_URI",
					tokenServer.url());
		}
		List<String> args = new ArrayList<>(List.of("--api-proxy.redis-prefix=" + this.prefix));
		args.addAll(proxyArgs);
		this.apiProxy = track(ServiceProcess.start("api-proxy", name + "-api-proxy", proxyEnv, args));
		this.all.forEach(ServiceProcess::awaitReady);
	}

	/** A proxy token of the demo client, as an SDK gets it. */
	String proxyToken() {
		return SystemUnderTest
			.json(SystemUnderTest.get(this.apiProxy.url() + "/cgi-bin/token?grant_type=client_credential&appid=" + APP
					+ "&secret=" + PROXY_CLIENT_KEY, null))
			.path("access_token")
			.asString();
	}

	/** A proxied call of WeChat's {@code get_api_domain_ip}. */
	HttpResponse<String> domainIps(String proxyToken) {
		return SystemUnderTest.get(this.apiProxy.url() + "/cgi-bin/get_api_domain_ip?access_token=" + proxyToken, null);
	}

	/** Makes the sandbox answer the next {@code count} calls of a path after a delay. */
	void delay(String path, int count, long millis) {
		SystemUnderTest.post(this.sandbox.url() + "/sandbox/apps/" + APP + "/faults",
				"{\"path\":\"" + path + "\",\"count\":" + count + ",\"delayMillis\":" + millis + "}", null);
	}

	long upstreamCalls(String path) {
		return SystemUnderTest.json(SystemUnderTest.get(this.sandbox.url() + "/sandbox/apps/" + APP + "/calls", null))
			.path("calls")
			.path(path)
			.asLong(0);
	}

	/** Token reads a token server answered 200, from its own metrics. */
	static long tokenReads(ServiceProcess tokenServer) {
		return SystemUnderTest.get(tokenServer.url() + "/actuator/prometheus", null)
			.body()
			.lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count{")
					&& line.contains("uri=\"/v1/apps/{appId}/access-token\"") && line.contains("status=\"200\""))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private ServiceProcess track(ServiceProcess process) {
		this.all.add(process);
		return process;
	}

	@Override
	public void close() {
		this.all.forEach(ServiceProcess::stop);
		TestRedis.deleteKeys(this.prefix);
	}

}

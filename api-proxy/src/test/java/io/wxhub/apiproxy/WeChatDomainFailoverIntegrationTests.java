package io.wxhub.apiproxy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wxhub.sandbox.SandboxApplication;
import io.wxhub.testsupport.TestRedis;
import io.wxhub.tokenserver.TokenServerApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.wxhub.apiproxy.ProxyCluster.APP;
import static io.wxhub.apiproxy.ProxyCluster.APP_SECRET;
import static io.wxhub.apiproxy.ProxyCluster.CLIENT_KEY;
import static io.wxhub.apiproxy.ProxyCluster.JSON;
import static io.wxhub.apiproxy.ProxyCluster.SIGNING_KEY;
import static io.wxhub.apiproxy.ProxyCluster.TOKEN_SERVER_KEY;
import static io.wxhub.apiproxy.ProxyCluster.get;
import static io.wxhub.apiproxy.ProxyCluster.json;
import static io.wxhub.apiproxy.ProxyCluster.post;
import static io.wxhub.apiproxy.ProxyCluster.proxyToken;
import static io.wxhub.apiproxy.ProxyCluster.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WeChat's primary domain and its backup, played by two extra ports of one sandbox,
 * behind a token server and a proxy configured with both ({@code wechat.api-base-urls}):
 * the primary fails (refuses, hangs) and comes back while calls run.
 */
class WeChatDomainFailoverIntegrationTests {

	/** The most the issue allows for calls to be back on the primary once it answers. */
	private static final Duration BACK_WITHIN = Duration.ofMinutes(1);

	private static final String prefix = TestRedis.newPrefix("api-proxy-domains");

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private static String sandbox;

	private static int primaryPort;

	private static int backupPort;

	private static String tokenServer;

	private static String proxy;

	@BeforeAll
	static void start() {
		sandbox = url(SandboxApplication.builder()
			.run("--server.port=0", "--sandbox.domains.extra-ports=0,0", "--sandbox.accounts[0].app-id=" + APP,
					"--sandbox.accounts[0].secret=" + APP_SECRET));
		JsonNode ports = json(get(sandbox + "/sandbox/domains"));
		primaryPort = ports.get(0).path("port").asInt();
		backupPort = ports.get(1).path("port").asInt();
		String[] wechat = {
				"--wechat.api-base-urls=http://127.0.0.1:" + primaryPort + ",http://127.0.0.1:" + backupPort,
				"--wechat.failover.probe-interval=500ms", "--wechat.failover.probe-timeout=500ms",
				"--wechat.failover.sliding-window-size=4", "--wechat.failover.minimum-calls=2" };
		tokenServer = url(TokenServerApplication.builder()
			.run(concat(wechat, "--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
					"--token-server.redis-prefix=" + prefix, "--token-server.apps[0].app-id=" + APP,
					"--token-server.apps[0].secret=" + APP_SECRET, "--token-server.clients[0].id=proxy",
					"--token-server.clients[0].key=" + TOKEN_SERVER_KEY, "--token-server.clients[0].apps[0]=" + APP,
					// forced refreshes of a fresh token are what the test drives; one
					// liveness check for the whole test keeps the counts exact
					"--token-server.min-forced-interval=0s", "--token-server.liveness-check-interval=1h",
					"--token-server.upstream.initial-backoff=50ms", "--token-server.upstream.max-backoff=200ms")));
		proxy = url(ApiProxyApplication.builder()
			.run(concat(wechat, "--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
					"--api-proxy.redis-prefix=" + prefix, "--api-proxy.token-server.url=" + tokenServer,
					"--api-proxy.token-server.client-key=" + TOKEN_SERVER_KEY, "--api-proxy.signing-key=" + SIGNING_KEY,
					"--api-proxy.clients[0].id=all", "--api-proxy.clients[0].key=" + CLIENT_KEY,
					"--api-proxy.clients[0].apps[0]=" + APP, "--api-proxy.clients[0].allow[0]=/cgi-bin/**",
					"--api-proxy.read-timeout=2s")));
	}

	@AfterAll
	static void stop() {
		for (int i = contexts.size() - 1; i >= 0; i--) {
			contexts.get(i).close();
		}
		TestRedis.deleteKeys(prefix);
	}

	@AfterEach
	void primaryServesAgain() {
		switchDomain(primaryPort, "ok");
		await().atMost(BACK_WITHIN).until(() -> domainInUse(proxy).equals(primary()));
		await().atMost(BACK_WITHIN).until(() -> domainInUse(tokenServer).equals(primary()));
	}

	@Test
	void refusedConnectionsMoveTokenRefreshesAndCallsToTheBackupUntilThePrimaryAnswersAgain() {
		String token = proxyToken(proxy, CLIENT_KEY);
		assertThat(domainIpThroughProxy(token)).isEqualTo(200);
		assertThat(seenBy(primaryPort, "/cgi-bin/get_api_domain_ip")).isEqualTo(1);

		switchDomain(primaryPort, "refuse");
		for (int i = 0; i < 20; i++) {
			assertThat(domainIpThroughProxy(token)).as("call %d", i).isEqualTo(200);
		}
		// the token killed behind wxhub's back: the liveness check (through the backup,
		// once) finds it dead, and it is refreshed through the backup
		String rejected = currentToken();
		killBehindOurBack();
		String refreshed = refresh(rejected);
		assertThat(refreshed).isNotEqualTo(rejected);
		killBehindOurBack();
		assertThat(refresh(refreshed)).isNotEqualTo(refreshed);
		assertThat(seenBy(backupPort, "/cgi-bin/get_api_domain_ip")).isEqualTo(20 + 1);
		assertThat(seenBy(backupPort, "/cgi-bin/token")).isEqualTo(2);
		assertThat(domainInUse(proxy)).isEqualTo(backup());
		assertThat(domainInUse(tokenServer)).isEqualTo(backup());
		assertThat(switches(proxy, primary(), backup())).isEqualTo(1);
		assertThat(switches(tokenServer, primary(), backup())).isEqualTo(1);
		assertThat(get(proxy + "/actuator/prometheus").body())
			.contains("wxhub_wechat_requests_seconds_count{domain=\"" + primary() + "\",outcome=\"unreachable\"}");

		long primaryTokens = seenBy(primaryPort, "/cgi-bin/token");
		switchDomain(primaryPort, "ok");
		await().atMost(BACK_WITHIN).until(() -> domainInUse(proxy).equals(primary()));
		await().atMost(BACK_WITHIN).until(() -> domainInUse(tokenServer).equals(primary()));
		assertThat(domainIpThroughProxy(token)).isEqualTo(200);
		assertThat(refresh(currentToken())).isNotBlank();
		assertThat(seenBy(primaryPort, "/cgi-bin/get_api_domain_ip")).as("the call after the probe's")
			.isGreaterThanOrEqualTo(2);
		assertThat(seenBy(primaryPort, "/cgi-bin/token")).isEqualTo(primaryTokens + 1);
		assertThat(seenBy(backupPort, "/cgi-bin/get_api_domain_ip")).isEqualTo(20 + 1);
		assertThat(switches(proxy, backup(), primary())).isEqualTo(1);
	}

	@Test
	void aPostInFlightWhenThePrimaryHangsIsAnswered504AndSentNowhereElse() {
		String token = proxyToken(proxy, CLIENT_KEY);
		// the real token is cached by the proxy before the primary hangs
		assertThat(domainIpThroughProxy(token)).isEqualTo(200);
		long menusBefore = seenBy(backupPort, "/cgi-bin/menu/create");

		switchDomain(primaryPort, "hang");
		HttpResponse<String> answer = post(proxy + "/cgi-bin/menu/create?access_token=" + token,
				"{\"button\":[{\"type\":\"click\",\"name\":\"今日歌曲\",\"key\":\"V1001_TODAY_MUSIC\"}]}");
		assertThat(answer.statusCode()).isEqualTo(504);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(seenBy(primaryPort, "/cgi-bin/menu/create")).isEqualTo(1);
		assertThat(seenBy(backupPort, "/cgi-bin/menu/create")).isEqualTo(menusBefore).isZero();
		assertThat(json(get(sandbox + "/sandbox/apps/" + APP + "/calls")).path("calls").has("/cgi-bin/menu/create"))
			.as("WeChat itself never received it")
			.isFalse();
	}

	private static int domainIpThroughProxy(String token) {
		HttpResponse<String> answer = get(proxy + "/cgi-bin/get_api_domain_ip?access_token=" + token);
		assertThat(answer.body()).contains("ip_list");
		return answer.statusCode();
	}

	private static String currentToken() {
		return json(send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(tokenServer + "/v1/apps/" + APP + "/access-token"))
			.header("Authorization", "Bearer " + TOKEN_SERVER_KEY)
			.GET())).path("accessToken").asString();
	}

	/**
	 * Two {@code /cgi-bin/token} calls by someone else, on the sandbox's own port: the
	 * token wxhub holds is dead at once.
	 */
	private static void killBehindOurBack() {
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> rotated = send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(sandbox + "/sandbox/apps/" + APP + "/third-party-token"))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"classic\"}")));
			assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		}
	}

	private static String refresh(String rejected) {
		HttpResponse<String> answer = send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(tokenServer + "/v1/apps/" + APP + "/access-token/refresh"))
			.header("Authorization", "Bearer " + TOKEN_SERVER_KEY)
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("rejectedToken", rejected)))));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json(answer).path("accessToken").asString();
	}

	private static void switchDomain(int port, String mode) {
		assertThat(post(sandbox + "/sandbox/domains/" + port, "{\"mode\":\"" + mode + "\"}").statusCode())
			.isEqualTo(200);
	}

	private static long seenBy(int port, String path) {
		for (JsonNode domain : json(get(sandbox + "/sandbox/domains"))) {
			if (domain.path("port").asInt() == port) {
				return domain.path("calls").path(path).asLong(0);
			}
		}
		throw new IllegalArgumentException("no extra port " + port);
	}

	private static String domainInUse(String service) {
		return json(get(service + "/actuator/health")).path("components")
			.path("wechat")
			.path("details")
			.path("domain")
			.asString();
	}

	private static double switches(String service, String from, String to) {
		String series = "wxhub_wechat_domain_switches_total{from=\"" + from + "\",to=\"" + to + "\"} ";
		return get(service + "/actuator/prometheus").body()
			.lines()
			.filter((line) -> line.startsWith(series))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length())))
			.findFirst()
			.orElse(-1);
	}

	private static String primary() {
		return "127.0.0.1:" + primaryPort;
	}

	private static String backup() {
		return "127.0.0.1:" + backupPort;
	}

	private static String url(ConfigurableApplicationContext context) {
		contexts.add(context);
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String[] concat(String[] first, String... rest) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(rest));
		return all.toArray(String[]::new);
	}

}

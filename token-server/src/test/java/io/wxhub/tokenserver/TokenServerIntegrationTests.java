package io.wxhub.tokenserver;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.Executor;

import io.wxhub.protocol.signature.JsSdkSignature;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.wxhub.tokenserver.TokenCluster.APP;
import static io.wxhub.tokenserver.TokenCluster.CLIENT_KEY;
import static io.wxhub.tokenserver.TokenCluster.OTHER_CLIENT_KEY;
import static io.wxhub.tokenserver.TokenCluster.STABLE_APP;
import static io.wxhub.tokenserver.TokenCluster.get;
import static io.wxhub.tokenserver.TokenCluster.json;
import static io.wxhub.tokenserver.TokenCluster.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One token-server replica against the sandbox: the HTTP contract, access rules and
 * actuator.
 */
class TokenServerIntegrationTests {

	private static TokenCluster cluster;

	private static String server;

	@BeforeAll
	static void start() {
		cluster = TokenCluster.withSandbox();
		server = cluster.startTokenServer();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void servesAnAccessTokenTheSandboxAccepts() {
		HttpResponse<String> response = get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.path("appId").asString()).isEqualTo(APP);
		assertThat(body.path("expiresIn").asLong()).isBetween(7000L, 7200L);
		assertThat(Instant.parse(body.path("expiresAt").asString())).isAfter(Instant.now().plusSeconds(7000));
		assertThat(cluster.tokenCheck(APP, body.path("accessToken").asString()).path("valid").asBoolean()).isTrue();
	}

	@Test
	void repeatedReadsServeTheSameTokenWithoutUpstreamCalls() {
		String first = json(get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY)).path("accessToken")
			.asString();
		long calls = cluster.upstreamCalls(APP, "/cgi-bin/token");
		for (int i = 0; i < 20; i++) {
			assertThat(
					json(get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY)).path("accessToken").asString())
				.isEqualTo(first);
		}
		assertThat(cluster.upstreamCalls(APP, "/cgi-bin/token")).isEqualTo(calls);
	}

	@Test
	void stableModeAppsUseStableToken() {
		HttpResponse<String> response = get(server + "/v1/apps/" + STABLE_APP + "/access-token", CLIENT_KEY);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(cluster.upstreamCalls(STABLE_APP, "/cgi-bin/stable_token")).isGreaterThanOrEqualTo(1);
		assertThat(cluster.upstreamCalls(STABLE_APP, "/cgi-bin/token")).isZero();
		assertThat(
				cluster.tokenCheck(STABLE_APP, json(response).path("accessToken").asString()).path("kind").asString())
			.isEqualTo("stable");
	}

	@Test
	void missingOrUnknownKeyIs401() {
		assertProblem(get(server + "/v1/apps/" + APP + "/access-token", null), 401);
		assertProblem(get(server + "/v1/apps/" + APP + "/access-token", "not-a-key"), 401);
		assertThat(get(server + "/v1/apps/" + APP + "/access-token", null).headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer");
	}

	@Test
	void keyWithoutTheAppIs403() {
		assertProblem(get(server + "/v1/apps/" + APP + "/access-token", OTHER_CLIENT_KEY), 403);
		assertProblem(post(server + "/v1/apps/" + APP + "/access-token/refresh", OTHER_CLIENT_KEY,
				"{\"rejectedToken\":\"x\"}"), 403);
		assertThat(get(server + "/v1/apps/" + STABLE_APP + "/access-token", OTHER_CLIENT_KEY).statusCode())
			.isEqualTo(200);
	}

	@Test
	void unknownAppIs404() {
		assertProblem(get(server + "/v1/apps/wxunknown/access-token", CLIENT_KEY), 404);
		assertProblem(get(server + "/v1/apps/wxunknown/jsapi-ticket", CLIENT_KEY), 404);
	}

	@Test
	void malformedRefreshRequestsAre400() {
		String url = server + "/v1/apps/" + APP + "/access-token/refresh";
		assertProblem(post(url, CLIENT_KEY, "{}"), 400);
		assertProblem(post(url, CLIENT_KEY, "not json"), 400);
		assertProblem(post(server + "/v1/apps/" + APP + "/jsapi-signature", CLIENT_KEY, "{\"url\":\"ftp://x\"}"), 400);
		assertProblem(post(server + "/v1/apps/" + APP + "/jsapi-signature", CLIENT_KEY, "{}"), 400);
	}

	@Test
	void compareAndRefreshWithAStaleTokenReturnsTheCurrentOne() {
		String current = json(get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY)).path("accessToken")
			.asString();
		long calls = cluster.upstreamCalls(APP, "/cgi-bin/token");
		JsonNode body = json(post(server + "/v1/apps/" + APP + "/access-token/refresh", CLIENT_KEY,
				"{\"rejectedToken\":\"an-older-token\"}"));
		assertThat(body.path("accessToken").asString()).isEqualTo(current);
		assertThat(cluster.upstreamCalls(APP, "/cgi-bin/token")).isEqualTo(calls);
	}

	@Test
	void requestThreadsAreTwoPerCoreUnlessConfigured() {
		int cores = Runtime.getRuntime().availableProcessors();
		assertThat(requestThreads(cluster.tokenServer(0))).isEqualTo(Math.max(4, 2 * cores));
		cluster.startTokenServer("--server.tomcat.threads.max=7");
		assertThat(requestThreads(cluster.tokenServer(1))).isEqualTo(7);
	}

	private static int requestThreads(ConfigurableApplicationContext context) {
		TomcatWebServer tomcat = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
		Executor executor = tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor();
		return ((ThreadPoolExecutor) executor).getMaximumPoolSize();
	}

	@Test
	void jsapiTicketAndSignature() {
		HttpResponse<String> ticketResponse = get(server + "/v1/apps/" + APP + "/jsapi-ticket", CLIENT_KEY);
		assertThat(ticketResponse.statusCode()).isEqualTo(200);
		String ticket = json(ticketResponse).path("ticket").asString();
		assertThat(ticket).isNotBlank();
		assertThat(json(TokenCluster.post(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/ticket-check", null,
				"{\"ticket\":\"" + ticket + "\"}"))
			.path("valid")
			.asBoolean()).isTrue();

		String url = "https://example.com/page?x=1#section";
		JsonNode signature = json(
				post(server + "/v1/apps/" + APP + "/jsapi-signature", CLIENT_KEY, "{\"url\":\"" + url + "\"}"));
		assertThat(signature.path("appId").asString()).isEqualTo(APP);
		assertThat(signature.path("nonceStr").asString()).hasSize(16);
		assertThat(signature.path("signature").asString())
			.isEqualTo(JsSdkSignature.sign(ticket, signature.path("nonceStr").asString(),
					signature.path("timestamp").asLong(), "https://example.com/page?x=1"));
	}

	@Test
	void actuatorExposesHealthInfoAndPrometheusOnly() {
		// An app's component is DOWN until a usable token exists: read both apps' first.
		get(server + "/v1/apps/" + APP + "/access-token", CLIENT_KEY);
		get(server + "/v1/apps/" + STABLE_APP + "/access-token", CLIENT_KEY);
		JsonNode health = json(get(server + "/actuator/health", null));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("tokens").path("components").path(APP).path("status").asString())
			.isEqualTo("UP");
		assertThat(get(server + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(get(server + "/actuator/info", null).statusCode()).isEqualTo(200);
		String metrics = get(server + "/actuator/prometheus", null).body();
		assertThat(metrics).contains("wxhub_token_refresh_total")
			.contains("wxhub_token_remaining_seconds")
			.contains("wxhub_token_upstream_latency_seconds")
			.contains("wxhub_token_refreshes_today");
		assertThat(get(server + "/actuator/env", null).statusCode()).isEqualTo(404);
		assertThat(get(server + "/actuator/configprops", null).statusCode()).isEqualTo(404);
		assertThat(health.toString()).doesNotContain("secret-one");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(response).path("status").asInt()).isEqualTo(status);
	}

}

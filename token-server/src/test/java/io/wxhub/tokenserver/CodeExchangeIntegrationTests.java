package io.wxhub.tokenserver;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.wxhub.sandbox.SandboxApplication;
import io.wxhub.sandbox.follower.DemoFollowers;
import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.wxhub.tokenserver.TokenCluster.get;
import static io.wxhub.tokenserver.TokenCluster.json;
import static io.wxhub.tokenserver.TokenCluster.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web authorization's code exchange against the sandbox playing WeChat on two domains:
 * the answer is WeChat's JSON unchanged (refusals too), a code reaches WeChat at most
 * once (never re-sent after a timeout or a 5xx, moved to the backup only when the primary
 * refused the connection), and neither the AppSecret, the code nor the user's tokens are
 * logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class CodeExchangeIntegrationTests {

	private static final String APP = "wx00000000oauth001";

	private static final String SECRET = "oauth-app-secret-0123456789";

	private static final String CLIENT_KEY = "oauth-client-key";

	private static final String EXCHANGE = "/sns/oauth2/access_token";

	private static final String prefix = TestRedis.newPrefix("token-server-oauth2");

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private static String sandbox;

	private static int primaryPort;

	private static int backupPort;

	private static String server;

	@BeforeAll
	static void start() {
		sandbox = url(SandboxApplication.builder()
			.run("--server.port=0", "--sandbox.domains.extra-ports=0,0", "--sandbox.accounts[0].app-id=" + APP,
					"--sandbox.accounts[0].secret=" + SECRET,
					"--sandbox.accounts[0].open-platform-account=oauth-open-platform"));
		JsonNode ports = json(get(sandbox + "/sandbox/domains", null));
		primaryPort = ports.get(0).path("port").asInt();
		backupPort = ports.get(1).path("port").asInt();
		server = url(TokenServerApplication.builder()
			.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
					"--token-server.redis-prefix=" + prefix,
					"--wechat.api-base-urls=http://127.0.0.1:" + primaryPort + ",http://127.0.0.1:" + backupPort,
					// no circuit opens during the test: each call shows where it went
					"--wechat.failover.minimum-calls=100", "--wechat.failover.sliding-window-size=100",
					"--token-server.upstream.timeout=1s", "--token-server.apps[0].app-id=" + APP,
					"--token-server.apps[0].secret=" + SECRET, "--token-server.clients[0].id=web",
					"--token-server.clients[0].key=" + CLIENT_KEY, "--token-server.clients[0].apps[0]=" + APP));
	}

	@AfterAll
	static void stop() {
		for (int i = contexts.size() - 1; i >= 0; i--) {
			contexts.get(i).close();
		}
		TestRedis.deleteKeys(prefix);
	}

	@AfterEach
	void domainsServeAgain() {
		switchDomain(primaryPort, "ok");
		switchDomain(backupPort, "ok");
	}

	@Test
	void answersWeChatsJsonUnchanged(CapturedOutput output) {
		String code = issueCode("snsapi_userinfo");
		HttpResponse<String> response = exchange(code);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode answer = json(response);
		assertThat(answer.propertyNames()).containsExactly("access_token", "expires_in", "refresh_token", "openid",
				"scope", "unionid");
		assertThat(answer.path("openid").asString()).isEqualTo(DemoFollowers.openid(APP, 1));
		assertThat(answer.path("scope").asString()).isEqualTo("snsapi_userinfo");
		JsonNode grant = json(get(sandbox + "/sandbox/apps/" + APP + "/oauth2", null)).path("grants").get(0);
		assertThat(answer.path("access_token").asString()).isEqualTo(grant.path("accessToken").asString());
		assertThat(answer.path("refresh_token").asString()).isEqualTo(grant.path("refreshToken").asString());
		String metrics = get(server + "/actuator/prometheus", null).body();
		assertThat(metrics)
			.contains("wxhub_oauth2_code_exchanges_seconds_count{app=\"" + APP + "\",errcode=\"0\",outcome=\"ok\"}");
		assertThat(output.getAll()).doesNotContain(code)
			.doesNotContain(answer.path("access_token").asString())
			.doesNotContain(answer.path("refresh_token").asString())
			.doesNotContain(SECRET)
			.doesNotContain(CLIENT_KEY);
	}

	@Test
	void aCodeUsedTwiceGetsWeChats40163AsWeChatWroteIt() {
		String code = issueCode("snsapi_base");
		assertThat(json(exchange(code)).has("access_token")).isTrue();
		HttpResponse<String> again = exchange(code);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json(again).path("errcode").asInt()).isEqualTo(40163);
		assertThat(json(again).path("errmsg").asString()).startsWith("code been used");
		HttpResponse<String> unknown = exchange("no-such-code");
		assertThat(json(unknown).path("errcode").asInt()).isEqualTo(40029);
	}

	@Test
	void aCodeIsNeverSentTwice() {
		String code = issueCode("snsapi_base");
		switchDomain(primaryPort, "hang");
		long primaryBefore = seenBy(primaryPort);
		long backupBefore = seenBy(backupPort);
		HttpResponse<String> slow = exchange(code);
		assertThat(slow.statusCode()).isEqualTo(504);
		assertThat(slow.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(slow).path("type").asString()).isEqualTo("urn:wxhub:problem:upstream-timeout");
		assertThat(seenBy(primaryPort)).isEqualTo(primaryBefore + 1);
		assertThat(seenBy(backupPort)).isEqualTo(backupBefore);

		switchDomain(primaryPort, "ok");
		injectFault("{\"path\":\"" + EXCHANGE + "\",\"count\":1,\"httpStatus\":500}");
		HttpResponse<String> failed = exchange(issueCode("snsapi_base"));
		assertThat(failed.statusCode()).isEqualTo(502);
		assertThat(json(failed).path("type").asString()).isEqualTo("urn:wxhub:problem:upstream-unreachable");
		assertThat(seenBy(primaryPort)).isEqualTo(primaryBefore + 2);
		assertThat(seenBy(backupPort)).isEqualTo(backupBefore);
	}

	@Test
	void aRefusedConnectionMovesTheCodeToTheBackup() {
		String code = issueCode("snsapi_base");
		switchDomain(primaryPort, "refuse");
		long backupBefore = seenBy(backupPort);
		JsonNode answer = json(exchange(code));
		assertThat(answer.path("openid").asString()).isEqualTo(DemoFollowers.openid(APP, 1));
		assertThat(seenBy(backupPort)).isEqualTo(backupBefore + 1);
	}

	@Test
	void guardedLikeTheTokenReads() {
		String path = server + "/v1/apps/" + APP + "/oauth2/access-token";
		assertThat(post(path, null, "{\"code\":\"x\"}").statusCode()).isEqualTo(401);
		assertThat(post(path, "wrong-key", "{\"code\":\"x\"}").statusCode()).isEqualTo(401);
		assertThat(post(server + "/v1/apps/wxunknown/oauth2/access-token", CLIENT_KEY, "{\"code\":\"x\"}").statusCode())
			.isEqualTo(404);
		assertThat(post(path, CLIENT_KEY, "{\"code\":\"\"}").statusCode()).isEqualTo(400);
	}

	private static String issueCode(String scope) {
		HttpResponse<String> issued = post(sandbox + "/sandbox/apps/" + APP + "/oauth2/codes", null,
				"{\"scope\":\"" + scope + "\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return json(issued).path("code").asString();
	}

	private static HttpResponse<String> exchange(String code) {
		return post(server + "/v1/apps/" + APP + "/oauth2/access-token", CLIENT_KEY,
				TokenCluster.JSON.writeValueAsString(java.util.Map.of("code", code)));
	}

	private static void injectFault(String fault) {
		assertThat(post(sandbox + "/sandbox/apps/" + APP + "/faults", null, fault).statusCode()).isEqualTo(200);
	}

	private static void switchDomain(int port, String mode) {
		assertThat(post(sandbox + "/sandbox/domains/" + port, null, "{\"mode\":\"" + mode + "\"}").statusCode())
			.isEqualTo(200);
	}

	private static long seenBy(int port) {
		for (JsonNode domain : json(get(sandbox + "/sandbox/domains", null))) {
			if (domain.path("port").asInt() == port) {
				return domain.path("calls").path(EXCHANGE).asLong(0);
			}
		}
		throw new IllegalArgumentException("no extra port " + port);
	}

	private static String url(ConfigurableApplicationContext context) {
		contexts.add(context);
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}

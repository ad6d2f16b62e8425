package io.wxhub.system.deploy;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static io.wxhub.system.deploy.ComposeStack.firstGet;
import static io.wxhub.system.deploy.ComposeStack.get;
import static io.wxhub.system.deploy.ComposeStack.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole compose stack, built from the Dockerfile and started once with the
 * {@code sandbox} profile and the values of {@code .env.example}: a follower of the
 * sandbox's demo account sends "微博", the sandbox pushes it to the gateway as WeChat
 * would, and the message-service's encrypted news reply comes back verified; and a
 * sign-in goes through the gateway's {@code /oauth2/} to the broker and back with a
 * result signed by the configured key, while the broker's refusals are pages and its key
 * set and actuator are not found. Runs only where Docker (with the compose plugin) is
 * available; the images are built on the way, which takes minutes the first time. Without
 * Docker it fails, unless {@code WXHUB_SKIP_COMPOSE_STACK} says why it may be skipped
 * ({@code ./test} sets it and reports the skip).
 */
class ComposeStackTests {

	private static final String APP = "wx5e1f0ad3c0ffee01";

	private static final String FOLLOWER = "o6QT0ruIp7HqPn01laGVDpNMMn4p";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> ENV = DeploymentFiles.envExample();

	private static ComposeStack stack;

	/** The stack, started by the first test that needs it. */
	private static ComposeStack stack() throws IOException {
		ComposeStack.dockerOrAKnowingSkip();
		if (stack == null) {
			stack = ComposeStack.start();
		}
		return stack;
	}

	@AfterAll
	static void stop() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aFollowerOfTheSandboxGetsTheWeiboNewsThroughTheGateway() throws Exception {
		String body = send(stack().sandbox + "/sandbox/apps/" + APP + "/followers/" + FOLLOWER + "/send");

		assertThat(body).contains("\"outcome\":\"reply\"");
		JsonNode reply = JSON.readTree(body).path("reply");
		assertThat(reply.path("msgType").asString()).isEqualTo("news");
		assertThat(reply.path("articles").path(0).path("title").asString()).isEqualTo("wxhub 的微博");
		assertThat(reply.path("articles").path(0).path("url").asString()).isEqualTo("https://weibo.com/wxhubdemo");
	}

	@Test
	void aSignInGoesThroughTheGatewayToTheBrokerAndBackWithASignedResult() throws Exception {
		ComposeStack running = stack();
		String returnTo = ENV.get("WEB_AUTH_RETURN_TO").split(",")[0] + "signed-in";
		HttpResponse<String> authorize = firstGet(
				running.gateway + "/oauth2/" + APP + "/authorize?client=internal&return_to="
						+ URLEncoder.encode(returnTo, StandardCharsets.UTF_8) + "&scope=snsapi_base",
				"text/html");
		assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
		UriComponents wechat = UriComponentsBuilder.fromUriString(location(authorize)).build();
		assertThat(location(authorize)).startsWith(ENV.get("WECHAT_OPEN_BASE_URL") + "/connect/oauth2/authorize?");
		assertThat(wechat.getFragment()).isEqualTo("wechat_redirect");
		assertThat(wechat.getQueryParams().getFirst("appid")).isEqualTo(APP);
		assertThat(decoded(wechat.getQueryParams().getFirst("redirect_uri")))
			.isEqualTo(running.gateway + "/oauth2/" + APP + "/callback");
		String state = wechat.getQueryParams().getFirst("state");

		// WeChat's part: the follower consents, WeChat sends them back with a code
		String code = JSON
			.readTree(post(running.sandbox + "/sandbox/apps/" + APP + "/oauth2/codes",
					"{\"openid\":\"" + FOLLOWER + "\",\"scope\":\"snsapi_base\"}"))
			.path("code")
			.asString();
		String callback = running.gateway + "/oauth2/" + APP + "/callback?code=" + code + "&state=" + state;
		HttpResponse<String> back = get(callback, "text/html");
		assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
		assertThat(location(back)).startsWith(returnTo + "?wxhub_auth=");

		// what the internal app checks, with the public half of the configured key
		SignedJWT result = SignedJWT
			.parse(UriComponentsBuilder.fromUriString(location(back)).build().getQueryParams().getFirst("wxhub_auth"));
		ECKey key = ECKey.parse(ENV.get("WEB_AUTH_SIGNING_KEY")).toPublicJWK();
		assertThat(result.getHeader().getKeyID()).isEqualTo(key.getKeyID());
		assertThat(result.verify(new ECDSAVerifier(key))).isTrue();
		JWTClaimsSet claims = result.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo(FOLLOWER);
		assertThat(claims.getAudience()).containsExactly("internal");
		assertThat(claims.getStringClaim("app")).isEqualTo(APP);

		// the state is single-use: a replay is a page, never a redirect
		HttpResponse<String> replay = get(callback, "text/html");
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(replay.body()).contains("id=\"refusal\"", "data-type=\"expired-state\"");
	}

	@Test
	void theGatewayShowsTheBrokersRefusalsAndHidesItsKeySetAndActuator() throws Exception {
		ComposeStack running = stack();
		String unknownClient = running.gateway + "/oauth2/" + APP + "/authorize?client=nobody&return_to="
				+ URLEncoder.encode("https://evil.example.net/", StandardCharsets.UTF_8);
		HttpResponse<String> page = firstGet(unknownClient, "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("id=\"refusal\"", "data-type=\"unknown-client\"");
		HttpResponse<String> problem = get(unknownClient, "application/json");
		assertThat(problem.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(problem.body()).path("type").asString()).isEqualTo("urn:wxhub:problem:unknown-client");

		String offPrefix = running.gateway + "/oauth2/" + APP + "/authorize?client=internal&return_to="
				+ URLEncoder.encode("https://evil.example.net/", StandardCharsets.UTF_8);
		HttpResponse<String> openRedirect = get(offPrefix, "text/html");
		assertThat(openRedirect.statusCode()).isEqualTo(400);
		assertThat(openRedirect.headers().firstValue("Location")).isEmpty();
		assertThat(openRedirect.body()).contains("data-type=\"return-to-not-allowed\"");

		for (String internal : new String[] { "/.well-known/jwks.json", "/actuator/health",
				"/actuator/health/readiness", "/actuator/prometheus", "/demo/" }) {
			assertThat(get(running.gateway + internal, "*/*").statusCode()).as(internal).isEqualTo(404);
		}
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
	}

	private static String decoded(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Sends "微博" until the push gets a reply or a minute has passed (the first pushes may
	 * meet a gateway whose DNS entry for the message-service is still settling), and
	 * answers the last answer.
	 */
	private static String send(String url) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		String body;
		do {
			body = post(url, "{\"msgType\":\"text\",\"content\":\"微博\"}");
			if (body.contains("\"outcome\":\"reply\"")) {
				return body;
			}
			Thread.sleep(2000);
		}
		while (Instant.now().isBefore(deadline));
		return body;
	}

}

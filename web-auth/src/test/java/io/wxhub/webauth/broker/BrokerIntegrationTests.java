package io.wxhub.webauth.broker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.wxhub.testsupport.TestRedis;
import io.wxhub.webauth.WebAuthApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker's first leg and its refusals, over HTTP on a real server and Redis: the
 * redirect to WeChat's authorization page with a single-use state; every refusal a page
 * (or problem+json when asked for), never a redirect; the published key. The whole flow,
 * with WeChat (the sandbox) and the token server, runs in a browser in system-tests.
 */
class BrokerIntegrationTests {

	private static final String APP = "wx5e1f0ad3c0ffee01";

	private static final String PREFIX = TestRedis.newPrefix("web-auth");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static ConfigurableApplicationContext broker;

	private static String base;

	@BeforeAll
	static void start() {
		broker = WebAuthApplication.builder()
			.run("--server.port=0", "--spring.profiles.active=demo", "--spring.data.redis.url=" + TestRedis.url(),
					"--web-auth.redis-prefix=" + PREFIX, "--web-auth.public-url=https://wx.example.com",
					"--web-auth.wechat-open-base-url=https://open.example.test", "--web-auth.clients[0].id=shop",
					"--web-auth.clients[0].return-to[0]=https://shop.example.com/wx/",
					"--web-auth.clients[0].apps[0]=" + APP);
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) broker).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		broker.close();
		TestRedis.deleteKeys(PREFIX);
	}

	@Test
	void authorizeSendsTheFollowerToWeChatWithASingleUseState() throws Exception {
		HttpResponse<String> answer = get(
				authorize("shop", APP, "https://shop.example.com/wx/orders?id=7", "snsapi_userinfo"), null);
		assertThat(answer.statusCode()).isEqualTo(302);
		URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
		UriComponents wechat = UriComponentsBuilder.fromUri(location).build();
		assertThat(location.getScheme() + "://" + location.getHost() + location.getPath())
			.isEqualTo("https://open.example.test/connect/oauth2/authorize");
		assertThat(wechat.getQueryParams().toSingleValueMap()).containsEntry("appid", APP)
			.containsEntry("response_type", "code")
			.containsEntry("scope", "snsapi_userinfo");
		assertThat(java.net.URLDecoder.decode(wechat.getQueryParams().getFirst("redirect_uri"), StandardCharsets.UTF_8))
			.isEqualTo("https://wx.example.com/oauth2/" + APP + "/callback");
		// URL-encoded whole, as WeChat asks
		assertThat(wechat.getQueryParams().getFirst("redirect_uri")).doesNotContain("/", ":");
		assertThat(wechat.getFragment()).isEqualTo("wechat_redirect");
		String state = wechat.getQueryParams().getFirst("state");
		assertThat(state).matches("[0-9a-f]{64}");

		// WeChat sends the follower back without a code: declined, and the state is spent
		HttpResponse<String> declined = get(base + "/oauth2/" + APP + "/callback?state=" + state, null);
		assertRefusal(declined, 403, "declined");
		assertRefusal(get(base + "/oauth2/" + APP + "/callback?code=x&state=" + state, null), 400, "expired-state");
	}

	@Test
	void aStateOfAnotherAccountOrForgedIsRefused() throws Exception {
		String state = stateOf(get(authorize("shop", APP, "https://shop.example.com/wx/", "snsapi_base"), null));
		assertRefusal(get(base + "/oauth2/wx5e1f0ad3c0ffee02/callback?code=x&state=" + state, null), 400, "bad-state");
		String forged = "0".repeat(64);
		assertRefusal(get(base + "/oauth2/" + APP + "/callback?code=x&state=" + forged, null), 400, "bad-state");
		assertRefusal(get(base + "/oauth2/" + APP + "/callback?code=x", null), 400, "bad-state");
	}

	@Test
	void refusalsArePagesNeverRedirects() throws Exception {
		assertRefusal(get(authorize("nobody", APP, "https://shop.example.com/wx/", "snsapi_base"), null), 404,
				"unknown-client");
		assertRefusal(get(authorize("shop", "wx5e1f0ad3c0ffee02", "https://shop.example.com/wx/", "snsapi_base"), null),
				404, "unknown-app");
		for (String elsewhere : new String[] { "https://evil.example.com/wx/", "https://shop.example.com.evil.com/wx/",
				"https://shop.example.com@evil.com/wx/", "https://shop.example.com/admin", "javascript:alert(1)",
				"not a url" }) {
			assertRefusal(get(authorize("shop", APP, elsewhere, "snsapi_base"), null), 400, "return-to-not-allowed");
		}
		assertRefusal(get(authorize("shop", APP, "https://shop.example.com/wx/", "snsapi_login"), null), 400,
				"bad-scope");
		assertRefusal(get(base + "/oauth2/" + APP + "/authorize?client=shop", null), 400, "return-to-not-allowed");
	}

	@Test
	void aRefusalIsProblemJsonWhenJsonIsAsked() throws Exception {
		HttpResponse<String> answer = get(authorize("nobody", APP, "https://shop.example.com/wx/", "snsapi_base"),
				"application/json");
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:wxhub:problem:unknown-client");
		assertThat(problem.path("status").asInt()).isEqualTo(404);
	}

	@Test
	void theJwkSetHasThePublicKeyOnly() throws Exception {
		HttpResponse<String> answer = get(base + "/.well-known/jwks.json", null);
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode key = JsonMapper.builder().build().readTree(answer.body()).path("keys").path(0);
		assertThat(key.path("kty").asString()).isEqualTo("EC");
		assertThat(key.path("kid").asString()).isEqualTo("demo-web-auth-1");
		assertThat(key.has("d")).isFalse();
	}

	private static void assertRefusal(HttpResponse<String> answer, int status, String type) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Location")).isEmpty();
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/html"));
		assertThat(answer.body()).contains("data-type=\"" + type + "\"");
	}

	private static String stateOf(HttpResponse<String> redirect) {
		return UriComponentsBuilder.fromUriString(redirect.headers().firstValue("Location").orElseThrow())
			.build()
			.getQueryParams()
			.getFirst("state");
	}

	private static String authorize(String client, String app, String returnTo, String scope) {
		return base + "/oauth2/" + app + "/authorize?client=" + client + "&return_to="
				+ URLEncoder.encode(returnTo, StandardCharsets.UTF_8) + "&scope=" + scope;
	}

	private static HttpResponse<String> get(String url, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (accept != null) {
			request.header("Accept", accept);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

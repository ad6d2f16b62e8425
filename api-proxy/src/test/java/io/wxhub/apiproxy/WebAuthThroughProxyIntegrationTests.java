package io.wxhub.apiproxy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wxhub.sandbox.follower.DemoFollowers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.wxhub.apiproxy.ProxyCluster.APP;
import static io.wxhub.apiproxy.ProxyCluster.APP_SECRET;
import static io.wxhub.apiproxy.ProxyCluster.CLIENT_KEY;
import static io.wxhub.apiproxy.ProxyCluster.LIMITED_KEY;
import static io.wxhub.apiproxy.ProxyCluster.json;
import static io.wxhub.apiproxy.ProxyCluster.proxyToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web authorization and JS-SDK tickets through the proxy over plain HTTP: the code
 * exchange's refusals in WeChat's shape, WeChat's answers passed on unchanged, the user's
 * calls relayed as they came, {@code getticket} answered without calling WeChat, and
 * neither the AppSecret, a code nor a user's token in any answer or log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebAuthThroughProxyIntegrationTests {

	private static final String EXCHANGE = "/sns/oauth2/access_token";

	private static final String GETTICKET = "/cgi-bin/ticket/getticket";

	/** Every answer of the proxy in this class. */
	private static final List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();

	private static ProxyCluster cluster;

	private static String proxy;

	@BeforeAll
	static void start() {
		cluster = ProxyCluster.start(List.of(), List.of());
		proxy = cluster.startProxy();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@AfterEach
	void noAnswerCarriesTheAppSecret() {
		assertThat(answers)
			.allSatisfy((answer) -> assertThat(answer.body() + answer.headers().map()).doesNotContain(APP_SECRET));
	}

	@Test
	void theCodeExchangeIsRefusedInWeChatsShape(CapturedOutput output) {
		long upstream = cluster.upstreamCalls(EXCHANGE);
		String code = code("snsapi_base");
		assertRefusal(exchange("appid=" + APP + "&secret=wrong-key&code=" + code), 40125, "bad-client-key");
		// the AppSecret is no client key: the proxy never takes WeChat's secret
		assertRefusal(exchange("appid=" + APP + "&secret=" + APP_SECRET + "&code=" + code), 40125, "bad-client-key");
		assertRefusal(exchange("appid=wxother&secret=" + CLIENT_KEY + "&code=" + code), 40013, "app-not-allowed");
		assertRefusal(exchange("appid=" + APP + "&secret=" + LIMITED_KEY + "&code=" + code), 48001, "path-not-allowed");
		assertRefusal(exchange("appid=" + APP + "&secret=" + CLIENT_KEY), 41008, "code-missing");
		assertRefusal(exchange("secret=" + CLIENT_KEY + "&code=" + code), 41002, "appid-missing");
		assertRefusal(exchange("appid=" + APP + "&code=" + code), 41004, "key-missing");
		assertRefusal(call(proxy + EXCHANGE + "?appid=" + APP + "&secret=" + CLIENT_KEY + "&code=" + code
				+ "&grant_type=client_credential"), 40002, "bad-grant-type");
		assertThat(cluster.upstreamCalls(EXCHANGE)).isEqualTo(upstream);
		// the code is still good: refusals never reached WeChat
		assertThat(json(exchange("appid=" + APP + "&secret=" + CLIENT_KEY + "&code=" + code)).path("openid").asString())
			.isEqualTo(DemoFollowers.openid(APP, 1));
		assertThat(output.getAll())
			.contains("client=- app=- api=/sns/oauth2/access_token method=GET outcome=refused " + "errcode=40125")
			.contains("client=limited app=" + APP + " api=/sns/oauth2/access_token method=GET outcome=refused "
					+ "errcode=48001")
			.doesNotContain(code)
			.doesNotContain(CLIENT_KEY)
			.doesNotContain(APP_SECRET);
	}

	@Test
	void aCodeUsedTwiceGetsWeChats40163AsWeChatWroteIt() {
		String code = code("snsapi_userinfo");
		HttpResponse<String> first = exchange("appid=" + APP + "&secret=" + CLIENT_KEY + "&code=" + code);
		JsonNode grant = json(ProxyCluster.get(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/oauth2"))
			.path("grants")
			.get(0);
		assertThat(json(first).path("access_token").asString()).isEqualTo(grant.path("accessToken").asString());
		assertThat(json(first).path("unionid").asString()).isNotBlank();
		HttpResponse<String> again = exchange("appid=" + APP + "&secret=" + CLIENT_KEY + "&code=" + code);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.headers().firstValue("X-Wxhub-Reason")).isEmpty();
		// what WeChat itself says to the same code with the AppSecret
		String weChat = ProxyCluster
			.get(cluster.sandboxUrl() + EXCHANGE + "?appid=" + APP + "&secret=" + APP_SECRET + "&code=" + code
					+ "&grant_type=authorization_code")
			.body();
		assertThat(json(again).path("errcode").asInt()).isEqualTo(40163);
		assertThat(withoutRid(again.body())).isEqualTo(withoutRid(weChat));
		assertThat(json(exchange("appid=" + APP + "&secret=" + CLIENT_KEY + "&code=unknown")).path("errcode").asInt())
			.isEqualTo(40029);
	}

	@Test
	void theUsersCallsGoThroughAsTheyCame(CapturedOutput output) {
		String code = code("snsapi_userinfo");
		JsonNode token = json(exchange("appid=" + APP + "&secret=" + CLIENT_KEY + "&code=" + code));
		String user = token.path("access_token").asString();
		String refresh = token.path("refresh_token").asString();
		String openid = token.path("openid").asString();
		String userinfo = "/sns/userinfo?access_token=" + user + "&openid=" + openid + "&lang=zh_CN";
		HttpResponse<String> profile = call(proxy + userinfo);
		assertThat(json(profile).path("nickname").asString()).isEqualTo("小明");
		assertThat(profile.body()).isEqualTo(ProxyCluster.get(cluster.sandboxUrl() + userinfo).body());
		assertThat(json(call(proxy + "/sns/auth?access_token=" + user + "&openid=" + openid)).path("errcode").asInt())
			.isZero();
		JsonNode refreshed = json(call(proxy + "/sns/oauth2/refresh_token?appid=" + APP
				+ "&grant_type=refresh_token&refresh_token=" + refresh));
		assertThat(refreshed.path("openid").asString()).isEqualTo(openid);
		// WeChat's refusal of a user token it does not know, passed on (no proxy reason)
		HttpResponse<String> forged = call(proxy + "/sns/auth?access_token=forged&openid=" + openid);
		assertThat(json(forged).path("errcode").asInt()).isEqualTo(40001);
		assertThat(forged.headers().firstValue("X-Wxhub-Reason")).isEmpty();

		String metrics = ProxyCluster.get(proxy + "/actuator/prometheus").body();
		assertThat(metrics)
			.contains("wxhub_proxy_requests_seconds_count{api=\"/sns/userinfo\",app=\"-\",client=\"-\",errcode=\"0\","
					+ "outcome=\"ok\"}")
			.contains("wxhub_proxy_requests_seconds_count{api=\"/sns/oauth2/refresh_token\",app=\"" + APP
					+ "\",client=\"-\",errcode=\"0\",outcome=\"ok\"}")
			.contains("wxhub_proxy_requests_seconds_count{api=\"/sns/oauth2/access_token\",app=\"" + APP
					+ "\",client=\"all\",errcode=\"0\",outcome=\"ok\"}")
			.contains("{api=\"/sns/auth\",app=\"-\",client=\"-\",errcode=\"40001\",outcome=\"wechat_error\"}");
		assertThat(output.getAll()).contains("client=- app=- api=/sns/userinfo method=GET outcome=ok")
			.contains("client=- app=" + APP + " api=/sns/oauth2/refresh_token method=GET outcome=ok")
			.doesNotContain(code)
			.doesNotContain(user)
			.doesNotContain(refresh)
			.doesNotContain(CLIENT_KEY)
			.doesNotContain(APP_SECRET);
	}

	@Test
	void getticketIsAnsweredFromTheTokenServersTicket() {
		String token = proxyToken(proxy, CLIENT_KEY);
		JsonNode jsapi = json(call(proxy + GETTICKET + "?access_token=" + token + "&type=jsapi"));
		JsonNode card = json(call(proxy + GETTICKET + "?type=wx_card&access_token=" + token));
		long upstream = cluster.upstreamCalls(GETTICKET);
		for (int i = 0; i < 20; i++) {
			assertThat(json(call(proxy + GETTICKET + "?access_token=" + token + "&type=jsapi"))).isEqualTo(jsapi);
			assertThat(json(call(proxy + GETTICKET + "?access_token=" + token + "&type=wx_card")).path("ticket"))
				.isEqualTo(card.path("ticket"));
		}
		assertThat(cluster.upstreamCalls(GETTICKET)).isEqualTo(upstream);
		assertThat(jsapi.propertyNames()).containsExactly("errcode", "errmsg", "ticket", "expires_in");
		assertThat(jsapi.path("errcode").asInt()).isZero();
		assertThat(jsapi.path("errmsg").asString()).isEqualTo("ok");
		assertThat(jsapi.path("expires_in").asLong()).isBetween(6000L, 7200L);
		JsonNode sandbox = json(ProxyCluster.get(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/tickets"));
		assertThat(jsapi.path("ticket").asString())
			.isEqualTo(sandbox.path("jsapi").path("current").path("value").asString());
		assertThat(card.path("ticket").asString())
			.isEqualTo(sandbox.path("wxCard").path("current").path("value").asString());

		assertRefusal(call(proxy + GETTICKET + "?access_token=" + token + "&type=other"), 40097, "ticket-type-invalid");
		assertRefusal(call(proxy + GETTICKET + "?access_token=" + token), 40097, "ticket-type-invalid");
		assertRefusal(call(proxy + GETTICKET + "?access_token=forged&type=jsapi"), 40001, "bad-proxy-token");
		assertRefusal(call(proxy + GETTICKET + "?access_token=" + proxyToken(proxy, LIMITED_KEY) + "&type=jsapi"),
				48001, "path-not-allowed");
		assertThat(cluster.upstreamCalls(GETTICKET)).isEqualTo(upstream);
		assertThat(ProxyCluster.get(proxy + "/actuator/prometheus").body())
			.contains("wxhub_proxy_requests_seconds_count{api=\"/cgi-bin/ticket/getticket\",app=\"" + APP
					+ "\",client=\"all\",errcode=\"0\",outcome=\"ok\"} 42\n");
	}

	@Test
	void otherSnsPathsAreNotServed() {
		long upstream = cluster.upstreamCalls("/sns/jscode2session");
		HttpResponse<String> answer = call(
				proxy + "/sns/jscode2session?appid=" + APP + "&secret=" + CLIENT_KEY + "&js_code=x");
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(cluster.upstreamCalls("/sns/jscode2session")).isEqualTo(upstream);
	}

	private static String code(String scope) {
		return WebAuthorizationPage.code(WebAuthorizationPage.authorizeUrl(cluster.sandboxUrl(), APP,
				"https://h5.example.com/wx/callback", scope));
	}

	private static HttpResponse<String> exchange(String query) {
		return call(proxy + EXCHANGE + "?" + query + "&grant_type=authorization_code");
	}

	private static HttpResponse<String> call(String url) {
		HttpResponse<String> answer = ProxyCluster.get(url);
		answers.add(answer);
		return answer;
	}

	/** WeChat's errmsg ends in a request id that differs per answer. */
	private static String withoutRid(String body) {
		return body.replaceAll("rid: [^\"]*", "rid: *");
	}

	private static void assertRefusal(HttpResponse<String> response, int errcode, String reason) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("errcode").asInt()).as(response.body()).isEqualTo(errcode);
		assertThat(response.headers().firstValue("X-Wxhub-Reason")).hasValue(reason);
	}

}

package io.wxhub.sandbox.oauth;

import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.oauth.WebAuthBrowser.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizePageTests extends WebAuthTestSupport {

	@Test
	void snsapiBaseRedirectsAtOnceWithACodeAndTheState() {
		Page page = this.browser.open(this.browser.authorizeUrl(APP, CALLBACK, BASE, "xyz"));
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).matches("https://h5\\.example\\.com/callback\\?code=[A-Za-z0-9_-]{32}&state=xyz");
		JsonNode code = this.http.get("/sandbox/apps/{app}/oauth2", APP).json().path("codes").get(0);
		assertThat(code.path("code").asString()).isEqualTo(page.redirectParameters().get("code"));
		assertThat(code.path("openid").asString()).isEqualTo(demoFollower(APP, 1));
		assertThat(code.path("scope").asString()).isEqualTo(BASE);
		assertThat(code.path("valid").asBoolean()).isTrue();
	}

	@Test
	void theOpenidParameterSignsInAnotherFollower() {
		String code = authorize(APP, demoFollower(APP, 3), BASE);
		assertThat(exchange(APP, SECRET, code).text("openid")).isEqualTo(demoFollower(APP, 3));
	}

	@Test
	void keepsTheQueryAndFragmentOfTheRedirectUri() {
		Page page = this.browser
			.open(this.browser.authorizeUrl(APP, "http://127.0.0.1:9/cb?x=1&y=%E4%B8%AD#/home", BASE, "a b&c"));
		assertThat(page.location())
			.matches("http://127\\.0\\.0\\.1:9/cb\\?x=1&y=%E4%B8%AD&code=[A-Za-z0-9_-]{32}&state=a\\+b%26c#/home");
		assertThat(page.redirectParameters()).containsEntry("state", "a b&c");
	}

	@Test
	void snsapiUserinfoShowsAValidConsentScreenWithStableIds() {
		Page page = this.browser.open(this.browser.authorizeUrl(APP, CALLBACK, USERINFO, "s"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(page.parseErrors()).isEmpty();
		Document document = page.document();
		assertThat(document.getElementById("account-name").text()).isEqualTo("wxhub 演示号");
		assertThat(document.getElementById("ask").text()).isEqualTo("申请获得你的昵称、头像");
		assertThat(document.getElementById("allow").text()).isEqualTo("允许");
		assertThat(document.getElementById("deny").text()).isEqualTo("拒绝");
		assertThat(document.select("#followers input[type=radio]")).hasSize(3);
		Element first = document.getElementById("follower-" + demoFollower(APP, 1));
		assertThat(first.hasAttr("checked")).isTrue();
		assertThat(document.select("label[for=follower-" + demoFollower(APP, 2) + "]").text()).contains("小红");
		assertThat(document.select("label[for=follower-" + demoFollower(APP, 3) + "]").text()).contains("未关注");
		assertThat(document.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
		String avatar = document.select("label[for=follower-" + demoFollower(APP, 1) + "] img").attr("src");
		Reply image = this.http.get(avatar);
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.contentType().toString()).isEqualTo("image/svg+xml");
		assertThat(image.body()).contains("小");
	}

	@Test
	void allowRedirectsWithACodeForThePickedFollower() {
		Page consent = this.browser.open(this.browser.authorizeUrl(APP, CALLBACK, USERINFO, "s"));
		Page allowed = this.browser.press(consent, "allow", Map.of("openid", demoFollower(APP, 2)));
		Map<String, String> parameters = allowed.redirectParameters();
		assertThat(parameters).containsEntry("state", "s").containsKey("code");
		Reply tokens = exchange(APP, SECRET, parameters.get("code"));
		assertThat(tokens.text("openid")).isEqualTo(demoFollower(APP, 2));
		assertThat(tokens.text("scope")).isEqualTo(USERINFO);
	}

	@Test
	void theOpenidParameterPreselectsOnTheConsentScreen() {
		String url = this.browser.authorizeUrl(APP, CALLBACK, USERINFO, "s")
			.replace("#", "&openid=" + demoFollower(APP, 2) + "#");
		Document document = this.browser.open(url).document();
		assertThat(document.select("input[checked]").eachAttr("value")).containsExactly(demoFollower(APP, 2));
	}

	@Test
	void denyRedirectsWithTheStateOnly() {
		Page consent = this.browser.open(this.browser.authorizeUrl(APP, CALLBACK, USERINFO, "s"));
		Page denied = this.browser.press(consent, "deny", Map.of());
		assertThat(denied.location()).isEqualTo(CALLBACK + "?state=s");
		assertThat(this.http.get("/sandbox/apps/{app}/oauth2", APP).json().path("codes").isEmpty()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", delimiter = '|', value = {
			"appid=&redirect_uri=https%3A%2F%2Fa.example%2F&response_type=code&scope=snsapi_base | 10012 | appid参数错误",
			"appid=wxdoesnotexist000&redirect_uri=https%3A%2F%2Fa.example%2F&response_type=code&scope=snsapi_base"
					+ " | 40013 | appid无效",
			"appid=wx5e1f0ad3c0ffee01&response_type=code&scope=snsapi_base | 10011 | redirect_uri参数错误",
			"appid=wx5e1f0ad3c0ffee01&redirect_uri=%2Fcb&response_type=code&scope=snsapi_base"
					+ " | 10011 | redirect_uri参数错误",
			"appid=wx5e1f0ad3c0ffee01&redirect_uri=javascript%3Aalert(1)&response_type=code&scope=snsapi_base"
					+ " | 10011 | redirect_uri参数错误",
			"appid=wx5e1f0ad3c0ffee01&redirect_uri=https%3A%2F%2Fa.example%2F&response_type=token&scope=snsapi_base"
					+ " | null | response_type参数错误",
			"appid=wx5e1f0ad3c0ffee01&redirect_uri=https%3A%2F%2Fa.example%2F&response_type=code | 10010 | scope不能为空",
			"appid=wx5e1f0ad3c0ffee01&redirect_uri=https%3A%2F%2Fa.example%2F&response_type=code&scope=snsapi_login"
					+ " | 10005 | 此公众号并没有这些scope的权限",
			"appid=wx5e1f0ad3c0ffee01&redirect_uri=https%3A%2F%2Fa.example%2F&response_type=code&scope=snsapi_base"
					+ "&openid=oNobody | null | openid 不是该公众号的模拟粉丝" })
	void badRequestsGetAReadableErrorPage(String query, Integer errcode, String message) {
		Page page = this.browser.open("/connect/oauth2/authorize?" + query);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.contentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(page.parseErrors()).isEmpty();
		Document document = page.document();
		assertThat(document.getElementById("error").text()).isEqualTo(message);
		Element shown = document.getElementById("errcode");
		assertThat((shown != null) ? Integer.valueOf(shown.text()) : null).isEqualTo(errcode);
		assertThat(this.http.get("/sandbox/apps/{app}/oauth2", APP).json().path("codes").isEmpty()).isTrue();
	}

	@Test
	void theConsentFormIsCheckedAgainWhenPosted() {
		Page consent = this.browser.open(this.browser.authorizeUrl(APP, CALLBACK, USERINFO, "s"));
		Page forged = this.browser.press(consent, "allow", Map.of("openid", demoFollower(APP2, 1)));
		assertThat(forged.status()).isEqualTo(400);
		assertThat(forged.document().getElementById("error").text()).isEqualTo("openid 不是该公众号的模拟粉丝");
		Page badScope = this.browser.press(consent, "allow", Map.of("scope", "snsapi_login"));
		assertThat(badScope.document().getElementById("errcode").text()).isEqualTo("10005");
	}

	@Test
	void avatarsComeInWeChatsSizesOnly() {
		String path = "/sandbox/apps/{app}/followers/{openid}/avatar/{size}";
		assertThat(this.http.get(path, APP, demoFollower(APP, 1), 0).body()).contains("width=\"640\"");
		assertThat(this.http.get(path, APP, demoFollower(APP, 1), 50).status()).isEqualTo(404);
		assertThat(this.http.get(path, APP, "oNobody", 132).status()).isEqualTo(404);
	}

}

package io.wxhub.sandbox.oauth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SnsUserInfoApiTests extends WebAuthTestSupport {

	@Test
	void profileOfAFollowerWhoConsented() {
		String openid = demoFollower(APP, 1);
		JsonNode tokens = authorizedTokens(APP, SECRET, openid, USERINFO).json();
		Reply reply = userInfo(tokens.path("access_token").asString(), openid);
		assertThat(reply.body()).isEqualTo("{\"openid\":\"" + openid + "\",\"nickname\":\"小明\",\"sex\":0,"
				+ "\"province\":\"\",\"city\":\"\",\"country\":\"\",\"headimgurl\":\"http://127.0.0.1:" + this.port
				+ "/sandbox/apps/" + APP + "/followers/" + openid + "/avatar/132\",\"privilege\":[],\"unionid\":\""
				+ tokens.path("unionid").asString() + "\"}");
		assertThat(this.http.get(reply.text("headimgurl").replace("http://127.0.0.1:" + this.port, "")).status())
			.isEqualTo(200);
		assertThat(this.http
			.get("/sns/userinfo?access_token={t}&openid={o}", tokens.path("access_token").asString(), openid)
			.body()).isEqualTo(reply.body());
	}

	@Test
	void noUnionidWithoutAnOpenPlatformAccount() {
		String openid = demoFollower(APP2, 2);
		Reply reply = userInfo(authorizedTokens(APP2, SECRET2, openid, USERINFO).text("access_token"), openid);
		assertThat(reply.text("nickname")).isEqualTo("小红");
		assertThat(reply.json().has("unionid")).isFalse();
	}

	@Test
	void aSnsapiBaseTokenCannotReadTheProfile() {
		String openid = demoFollower(APP, 1);
		String token = authorizedTokens(APP, SECRET, openid, BASE).text("access_token");
		Reply reply = userInfo(token, openid);
		assertThat(reply.errcode()).isEqualTo(48001);
		assertThat(reply.errmsg()).matches("api unauthorized, rid: " + RID.substring(6));
		assertThat(auth(token, openid).errcode()).isZero();
	}

	@Test
	void theTokenAndOpenidAreChecked() {
		String openid = demoFollower(APP, 1);
		String token = authorizedTokens(APP, SECRET, openid, USERINFO).text("access_token");
		assertThat(this.http.get("/sns/userinfo?openid={o}", openid).errcode()).isEqualTo(41001);
		assertThat(userInfo("not a token!", openid).errcode()).isEqualTo(40014);
		assertThat(userInfo("SBXU_unknown", openid).errcode()).isEqualTo(40001);
		Reply wrongFollower = userInfo(token, demoFollower(APP, 2));
		assertThat(wrongFollower.errcode()).isEqualTo(40003);
		assertThat(wrongFollower.errmsg()).matches("invalid openid" + RID);
		assertThat(this.http.get("/sns/userinfo?access_token={t}", token).errcode()).isEqualTo(40003);
		advance(Duration.ofSeconds(7200));
		Reply expired = userInfo(token, openid);
		assertThat(expired.errcode()).isEqualTo(42001);
		assertThat(expired.errmsg()).matches("access_token expired" + RID);
	}

	@Test
	void authTellsWhetherATokenIsValidForTheFollower() {
		String openid = demoFollower(APP, 1);
		String token = authorizedTokens(APP, SECRET, openid, BASE).text("access_token");
		assertThat(auth(token, openid).body()).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
		assertThat(auth(token, demoFollower(APP, 2)).errcode()).isEqualTo(40003);
		assertThat(auth("SBXU_unknown", openid).errcode()).isEqualTo(40001);
		advance(Duration.ofSeconds(7199));
		assertThat(auth(token, openid).errcode()).isZero();
		advance(Duration.ofSeconds(1));
		assertThat(auth(token, openid).errcode()).isEqualTo(42001);
	}

	@Test
	void userAndAccountTokensAreApart() {
		String openid = demoFollower(APP, 1);
		String userToken = authorizedTokens(APP, SECRET, openid, USERINFO).text("access_token");
		String accountToken = classicToken();
		assertThat(useToken(userToken)).isEqualTo(40001);
		assertThat(userInfo(accountToken, openid).errcode()).isEqualTo(40001);
		assertThat(auth(accountToken, openid).errcode()).isEqualTo(40001);
		assertThat(useToken(accountToken)).isZero();
		assertThat(this.http.get("/sandbox/apps/{app}/tokens", APP).body()).doesNotContain(userToken);
	}

	@Test
	void faultsAndCallCountsCoverTheSnsApis() {
		String openid = demoFollower(APP, 1);
		String code = authorize(APP, openid, USERINFO);
		addFault(APP, "/sns/oauth2/access_token", -1, null);
		Reply failed = exchange(APP, SECRET, code);
		assertThat(failed.body()).isEqualTo("{\"errcode\":-1,\"errmsg\":\"system error\"}");
		String token = exchange(APP, SECRET, code).text("access_token");
		assertThat(token).isNotNull();
		// the user's token alone names the app
		addFault(APP, "/sns/userinfo", null, 503);
		assertThat(userInfo(token, openid).status()).isEqualTo(503);
		assertThat(userInfo(token, openid).text("nickname")).isEqualTo("小明");
		JsonNode calls = this.http.get("/sandbox/apps/{app}/calls", APP).json().path("calls");
		assertThat(calls.path("/sns/oauth2/access_token").asInt()).isEqualTo(2);
		assertThat(calls.path("/sns/userinfo").asInt()).isEqualTo(2);
	}

	private void addFault(String appId, String path, Integer errcode, Integer httpStatus) {
		Map<String, Object> fault = new HashMap<>();
		fault.put("path", path);
		fault.put("count", 1);
		fault.put("errcode", errcode);
		fault.put("httpStatus", httpStatus);
		assertThat(this.http.post("/sandbox/apps/{app}/faults", fault, appId).status()).isEqualTo(200);
	}

}

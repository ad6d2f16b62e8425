package io.wxhub.sandbox.token;

import java.time.Duration;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class TokenApiTests extends SandboxTestSupport {

	@Test
	void issuesTokenLikeWeChat() {
		Reply reply = token(APP, SECRET);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(reply.text("access_token")).matches("SBX_[A-Za-z0-9_-]{136}");
		assertThat(reply.json().path("expires_in").asLong()).isEqualTo(7200);
		assertThat(reply.json().has("errcode")).isFalse();
		assertThat(useToken(reply.text("access_token"))).isZero();
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "password, wx5e1f0ad3c0ffee01, s, 40002, invalid grant_type",
					"null, wx5e1f0ad3c0ffee01, s, 40002, invalid grant_type",
					"client_credential, null, s, 41002, appid missing",
					"client_credential, wx5e1f0ad3c0ffee01, null, 41004, appsecret missing",
					"client_credential, wxdoesnotexist000, s, 40013, invalid appid",
					"client_credential, wx5e1f0ad3c0ffee01, wrong, 40125, 'invalid appsecret,'" })
	void rejectsBadCredentialsWithWeChatErrors(String grantType, String appId, String secret, int errcode,
			String errmsg) {
		StringBuilder uri = new StringBuilder("/cgi-bin/token?x=1");
		Map.of("grant_type", String.valueOf(grantType), "appid", String.valueOf(appId), "secret",
				String.valueOf(secret))
			.forEach((name, value) -> {
				if (!"null".equals(value)) {
					uri.append('&').append(name).append('=').append(value);
				}
			});
		Reply reply = this.http.get(uri.toString());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.errcode()).isEqualTo(errcode);
		assertThat(reply.errmsg()).startsWith(errmsg);
		assertThat(reply.json().has("access_token")).isFalse();
	}

	@Test
	void errmsgCarriesRequestIdWhereWeChatHasOne() {
		assertThat(token(APP, "wrong").errmsg()).matches("invalid appsecret," + RID);
		assertThat(token("wxdoesnotexist000", SECRET).errmsg()).isEqualTo("invalid appid");
	}

	@Test
	void previousTokenStaysValidForTheOverlapOnly() {
		String first = classicToken();
		String second = classicToken();
		assertThat(second).isNotEqualTo(first);
		assertThat(useToken(first)).isZero();
		advance(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(useToken(first)).isZero();
		advance(Duration.ofSeconds(2));
		assertThat(useToken(first)).isEqualTo(40001);
		assertThat(useToken(second)).isZero();
		advance(Duration.ofSeconds(7200));
		assertThat(useToken(second)).isEqualTo(42001);
	}

	@Test
	void onlyTheLatestTwoTokensAreAlive() {
		String first = classicToken();
		String second = classicToken();
		String third = classicToken();
		assertThat(useToken(first)).isEqualTo(40001);
		assertThat(useToken(second)).isZero();
		assertThat(useToken(third)).isZero();
	}

	@Test
	void overlapNeverOutlivesTheOldTokensExpiry() {
		String first = classicToken();
		advance(Duration.ofSeconds(7200 - 60));
		classicToken();
		advance(Duration.ofSeconds(59));
		assertThat(useToken(first)).isZero();
		advance(Duration.ofSeconds(2));
		assertThat(useToken(first)).isEqualTo(42001);
	}

	@Test
	void dailyQuotaIsEnforcedAndResetsNextDay() {
		Reply override = this.http.put("/sandbox/apps/{app}/quotas", Map.of("path", "/cgi-bin/token", "dailyLimit", 2),
				APP);
		assertThat(override.status()).isEqualTo(200);
		assertThat(override.json().path("remain").asLong()).isEqualTo(2);
		classicToken();
		classicToken();
		Reply spent = token(APP, SECRET);
		assertThat(spent.errcode()).isEqualTo(45009);
		assertThat(spent.errmsg())
			.startsWith("reach max api daily quota limit, could get access_token by " + "getStableAccessToken");
		assertThat(stableToken(APP, SECRET, false).text("access_token")).isNotNull();
		assertThat(token(APP2, SECRET2).text("access_token")).isNotNull();
		advance(Duration.ofDays(1));
		assertThat(token(APP, SECRET).text("access_token")).isNotNull();
	}

	@Test
	void failedCallsDoNotSpendTheQuota() {
		this.http.put("/sandbox/apps/{app}/quotas", Map.of("path", "/cgi-bin/token", "dailyLimit", 1), APP);
		assertThat(token(APP, "wrong").errcode()).isEqualTo(40125);
		assertThat(token(APP, SECRET).text("access_token")).isNotNull();
		assertThat(token(APP, SECRET).errcode()).isEqualTo(45009);
	}

}

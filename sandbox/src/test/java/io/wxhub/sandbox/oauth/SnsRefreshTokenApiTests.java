package io.wxhub.sandbox.oauth;

import java.time.Duration;

import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SnsRefreshTokenApiTests extends WebAuthTestSupport {

	@Test
	void refreshingKeepsALiveTokenAndReplacesAnExpiredOne() {
		JsonNode first = authorizedTokens(APP, SECRET, null, USERINFO).json();
		String token = first.path("access_token").asString();
		String refreshToken = first.path("refresh_token").asString();
		advance(Duration.ofHours(1));
		JsonNode renewed = refresh(APP, refreshToken).json();
		assertThat(renewed.propertyNames()).containsExactly("access_token", "expires_in", "refresh_token", "openid",
				"scope");
		assertThat(renewed.path("access_token").asString()).isEqualTo(token);
		assertThat(renewed.path("expires_in").asLong()).isEqualTo(7200);
		assertThat(renewed.path("refresh_token").asString()).isEqualTo(refreshToken);
		assertThat(renewed.path("scope").asString()).isEqualTo(USERINFO);
		advance(Duration.ofSeconds(7200));
		assertThat(auth(token, demoFollower(APP, 1)).errcode()).isEqualTo(42001);
		JsonNode replaced = refresh(APP, refreshToken).json();
		String fresh = replaced.path("access_token").asString();
		assertThat(fresh).isNotEqualTo(token);
		assertThat(auth(fresh, demoFollower(APP, 1)).errcode()).isZero();
		assertThat(userInfo(fresh, demoFollower(APP, 1)).text("nickname")).isEqualTo("小明");
		assertThat(auth(token, demoFollower(APP, 1)).errcode()).isEqualTo(42001);
	}

	@Test
	void aRefreshTokenLastsThirtyDays() {
		String refreshToken = authorizedTokens(APP, SECRET, null, BASE).text("refresh_token");
		advance(Duration.ofDays(30).minusSeconds(1));
		assertThat(refresh(APP, refreshToken).text("access_token")).isNotNull();
		advance(Duration.ofSeconds(1));
		Reply expired = refresh(APP, refreshToken);
		assertThat(expired.errcode()).isEqualTo(42002);
		assertThat(expired.errmsg()).matches("refresh_token expired" + RID);
	}

	@Test
	void refreshChecksItsParameters() {
		String refreshToken = authorizedTokens(APP, SECRET, null, BASE).text("refresh_token");
		Reply unknown = refresh(APP, "SBXR_unknown");
		assertThat(unknown.errcode()).isEqualTo(40030);
		assertThat(unknown.errmsg()).matches("invalid refresh_token, rid: " + RID.substring(6));
		assertThat(refresh(APP2, refreshToken).errcode()).isEqualTo(40030);
		assertThat(refresh("wxdoesnotexist000", refreshToken).errcode()).isEqualTo(40013);
		assertThat(this.http.get("/sns/oauth2/refresh_token?grant_type=refresh_token&refresh_token={r}", refreshToken)
			.errcode()).isEqualTo(41002);
		assertThat(this.http.get("/sns/oauth2/refresh_token?appid={a}&grant_type=refresh_token", APP).errcode())
			.isEqualTo(41003);
		assertThat(this.http.get("/sns/oauth2/refresh_token?appid={a}&refresh_token={r}", APP, refreshToken).errcode())
			.isEqualTo(40002);
		assertThat(refresh(APP, refreshToken).text("access_token")).isNotNull();
	}

}

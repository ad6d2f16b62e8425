package io.wxhub.sandbox.oauth;

import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class WebAuthInspectionTests extends WebAuthTestSupport {

	@Test
	void inspectionShowsCodesAndGrantsAndIssuesCodes() {
		Reply issued = this.http.post("/sandbox/apps/{app}/oauth2/codes",
				Map.of("openid", demoFollower(APP, 2), "scope", USERINFO), APP);
		assertThat(issued.status()).isEqualTo(200);
		JsonNode tokens = exchange(APP, SECRET, issued.text("code")).json();
		assertThat(tokens.path("openid").asString()).isEqualTo(demoFollower(APP, 2));
		JsonNode view = this.http.get("/sandbox/apps/{app}/oauth2", APP).json();
		assertThat(view.path("codes").get(0).path("used").asBoolean()).isTrue();
		assertThat(view.path("codes").get(0).path("valid").asBoolean()).isFalse();
		JsonNode grant = view.path("grants").get(0);
		assertThat(grant.path("accessToken").asString()).isEqualTo(tokens.path("access_token").asString());
		assertThat(grant.path("refreshToken").asString()).isEqualTo(tokens.path("refresh_token").asString());
		assertThat(grant.path("scope").asString()).isEqualTo(USERINFO);
		assertThat(this.http.post("/sandbox/apps/{app}/oauth2/codes", null, APP).text("openid"))
			.isEqualTo(demoFollower(APP, 1));
		assertThat(this.http.post("/sandbox/apps/{app}/oauth2/codes", Map.of("scope", "snsapi_login"), APP).status())
			.isEqualTo(400);
		assertThat(this.http.post("/sandbox/apps/{app}/oauth2/codes", Map.of("openid", "oNobody"), APP).status())
			.isEqualTo(400);
		assertThat(this.http.get("/sandbox/apps/{app}/oauth2", "wxdoesnotexist000").status()).isEqualTo(404);
		assertThat(this.http.post("/sandbox/reset", null).status()).isEqualTo(204);
		assertThat(this.http.get("/sandbox/apps/{app}/oauth2", APP).json().path("grants").isEmpty()).isTrue();
	}

}

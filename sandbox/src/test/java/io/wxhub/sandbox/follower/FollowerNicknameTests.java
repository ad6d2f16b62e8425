package io.wxhub.sandbox.follower;

import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import io.wxhub.sandbox.oauth.WebAuthProfiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Followers have a nickname: by their place in the list unless given one, the same as
 * their web-authorization profile shows.
 */
class FollowerNicknameTests extends SandboxTestSupport {

	@Autowired
	private WebAuthProfiles profiles;

	@Test
	void followersAreNamedByTheirPlaceUnlessGivenAName() {
		JsonNode list = this.http.get("/sandbox/apps/{app}/followers", APP).json();
		assertThat(list.findValuesAsString("nickname")).containsExactly("小明", "小红", "小刚");
		assertThat(this.http.post("/sandbox/apps/{app}/followers", null, APP).text("nickname")).isEqualTo("小丽");

		Reply named = this.http.post("/sandbox/apps/{app}/followers", Map.of("openid", "oNamed", "nickname", "张三 🐼"),
				APP);
		assertThat(named.status()).as(named.body()).isEqualTo(200);
		assertThat(named.text("nickname")).isEqualTo("张三 🐼");
		assertThat(this.profiles.find(APP, "oNamed").orElseThrow().nickname()).isEqualTo("张三 🐼");

		// renaming keeps the rest
		JsonNode renamed = this.http
			.post("/sandbox/apps/{app}/followers", Map.of("openid", demoFollower(APP, 3), "nickname", "老王"), APP)
			.json();
		assertThat(renamed.path("nickname").asString()).isEqualTo("老王");
		assertThat(renamed.path("subscribed").asBoolean()).isFalse();
		assertThat(this.profiles.find(APP, demoFollower(APP, 3)).orElseThrow().nickname()).isEqualTo("老王");
		// a change without a name keeps it
		assertThat(this.http.post("/sandbox/apps/{app}/followers", Map.of("openid", "oNamed", "subscribed", false), APP)
			.text("nickname")).isEqualTo("张三 🐼");
	}

	@Test
	void aBadNicknameIsAProblemAndChangesNothing() {
		for (String bad : new String[] { "", "   ", "a\nb", "名".repeat(33) }) {
			Reply reply = this.http.post("/sandbox/apps/{app}/followers", Map.of("openid", "oBad", "nickname", bad),
					APP);
			assertThat(reply.status()).as(bad).isEqualTo(400);
			assertThat(reply.contentType().toString()).startsWith("application/problem+json");
		}
		assertThat(this.http.get("/sandbox/apps/{app}/followers", APP).json().size()).isEqualTo(3);
		assertThat(this.http.post("/sandbox/apps/{app}/followers", Map.of("nickname", "名".repeat(32)), APP).status())
			.isEqualTo(200);
	}

}

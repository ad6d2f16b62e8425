package io.wxhub.sandbox.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp;
import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxControlTests extends SandboxTestSupport {

	@Test
	void listsTheDemoAccountsWithoutSecrets() {
		Reply reply = this.http.get("/sandbox/apps");
		assertThat(reply.json().size()).isEqualTo(2);
		JsonNode first = reply.json().get(0);
		assertThat(first.path("appId").asString()).isEqualTo(APP);
		assertThat(first.path("originalId").asString()).isEqualTo("gh_wxhubdemo01");
		assertThat(first.path("mode").asString()).isEqualTo("safe");
		assertThat(first.path("name").asString()).isEqualTo("wxhub 演示号");
		assertThat(first.path("openPlatformAccount").asString()).isEqualTo("wxhub-demo-open-platform");
		assertThat(reply.json().get(1).path("openPlatformAccount").isNull()).isTrue();
		assertThat(reply.body()).doesNotContain(SECRET).doesNotContain("wxhubDemoEncodingAesKey");
		assertThat(this.http.get("/sandbox/apps/{app}", APP2).json().path("mode").asString()).isEqualTo("plain");
	}

	@Test
	void showsCurrentAndPreviousTokens() {
		String first = classicToken();
		String second = classicToken();
		String stable = stableToken(false);
		JsonNode tokens = this.http.get("/sandbox/apps/{app}/tokens", APP).json();
		assertThat(tokens.path("appId").asString()).isEqualTo(APP);
		JsonNode current = tokens.path("classic").path("current");
		assertThat(current.path("value").asString()).isEqualTo(second);
		assertThat(current.path("valid").asBoolean()).isTrue();
		Instant issuedAt = Instant.parse(current.path("issuedAt").asString());
		assertThat(Instant.parse(current.path("expiresAt").asString())).isEqualTo(issuedAt.plusSeconds(7200));
		JsonNode previous = tokens.path("classic").path("previous");
		assertThat(previous.path("value").asString()).isEqualTo(first);
		assertThat(Instant.parse(previous.path("validUntil").asString())).isEqualTo(issuedAt.plusSeconds(300));
		assertThat(tokens.path("stable").path("current").path("value").asString()).isEqualTo(stable);
		assertThat(tokens.path("stable").path("previous").isNull()).isTrue();
	}

	@Test
	void resetForgetsEverything() {
		String token = classicToken();
		this.http.put("/sandbox/apps/{app}/quotas", Map.of("path", "/cgi-bin/token", "dailyLimit", 1), APP);
		this.http.post("/sandbox/apps/{app}/faults", Map.of("path", "/cgi-bin/stable_token", "errcode", -1), APP);
		assertThat(this.http.post("/sandbox/reset", null).status()).isEqualTo(204);
		assertThat(useToken(token)).isEqualTo(40001);
		assertThat(this.http.get("/sandbox/apps/{app}/calls", APP).json().path("calls").isEmpty()).isTrue();
		assertThat(this.http.get("/sandbox/apps/{app}/faults", APP).json().path("faults").isEmpty()).isTrue();
		assertThat(stableToken(APP, SECRET, false).errcode()).isZero();
		classicToken();
		assertThat(token(APP, SECRET).errcode()).isZero();
		assertThat(this.http.get("/sandbox/clock").json().path("offsetMillis").asLong()).isZero();
	}

	@Test
	void resetForgetsMenusFollowersMessagesAndMedia() {
		String token = classicToken();
		String menu = "{\"button\":[{\"type\":\"click\",\"name\":\"a\",\"key\":\"k\"}]}";
		assertThat(this.http.post("/cgi-bin/menu/create?access_token={t}", menu, token).errcode()).isZero();
		String mediaId = this.http
			.upload("/cgi-bin/media/upload?access_token={t}&type=image",
					SandboxHttp.media("a.jpg", "image/jpeg", new byte[] { 1 }), token)
			.text("media_id");
		this.http.post("/sandbox/apps/{app}/followers", Map.of("openid", "oExtra"), APP);
		this.http.post("/sandbox/apps/{app}/followers", Map.of("openid", demoFollower(APP, 3), "subscribed", true),
				APP);
		Map<String, Object> text = Map.of("touser", demoFollower(APP, 1), "msgtype", "text", "text",
				Map.of("content", "hi"));
		assertThat(this.http.post("/cgi-bin/message/custom/send?access_token={t}", text, token).errcode()).isZero();
		assertThat(this.http.post("/sandbox/reset", null).status()).isEqualTo(204);
		token = classicToken();
		assertThat(this.http.get("/cgi-bin/menu/get?access_token={t}", token).errcode()).isEqualTo(46003);
		assertThat(this.http.get("/cgi-bin/media/get?access_token={t}&media_id={m}", token, mediaId).errcode())
			.isEqualTo(40007);
		assertThat(this.http.get("/sandbox/apps/{app}/messages", APP).json().isEmpty()).isTrue();
		JsonNode followers = this.http.get("/sandbox/apps/{app}/followers", APP).json();
		assertThat(followers.size()).isEqualTo(3);
		assertThat(followers.get(2).path("subscribed").asBoolean()).isFalse();
		assertThat(followers.get(0).path("window").path("remaining").asInt()).isEqualTo(5);
	}

	@Test
	void clockCanBeFrozenAndAdvanced() {
		Reply frozen = this.http.post("/sandbox/clock/freeze", null);
		Instant now = Instant.parse(frozen.json().path("now").asString());
		assertThat(frozen.json().path("frozen").asBoolean()).isTrue();
		Reply advanced = this.http.post("/sandbox/clock/advance", Map.of("millis", 90_000));
		assertThat(Instant.parse(advanced.json().path("now").asString())).isEqualTo(now.plusSeconds(90));
		String token = classicToken();
		this.http.post("/sandbox/clock/advance", Map.of("millis", 7_200_000));
		assertThat(useToken(token)).isEqualTo(42001);
		Reply resumed = this.http.post("/sandbox/clock/resume", null);
		assertThat(resumed.json().path("frozen").asBoolean()).isFalse();
		assertThat(Duration.between(Instant.parse(resumed.json().path("now").asString()), now.plusSeconds(7290)).abs())
			.isLessThan(Duration.ofSeconds(5));
		assertThat(this.http.post("/sandbox/clock/advance", Map.of("millis", -1)).status()).isEqualTo(400);
	}

	@Test
	void unknownAppsAreProblems() {
		for (Reply reply : new Reply[] { this.http.get("/sandbox/apps/{app}/tokens", "nope"),
				this.http.post("/sandbox/apps/{app}/token-check", Map.of("accessToken", "x"), "nope"),
				this.http.post("/sandbox/apps/{app}/ticket-check", Map.of("ticket", "x"), "nope"),
				this.http.post("/sandbox/apps/{app}/tokens/invalidate", null, "nope"),
				this.http.put("/sandbox/apps/{app}/quotas", Map.of("path", "/cgi-bin/token", "dailyLimit", 1), "nope"),
				this.http.delete("/sandbox/apps/{app}/faults", "nope") }) {
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.contentType().toString()).startsWith("application/problem+json");
			assertThat(reply.json().path("title").asString()).isEqualTo("Unknown app");
			assertThat(reply.json().path("appId").asString()).isEqualTo("nope");
		}
	}

	@Test
	void actuatorExposesHealthInfoAndPrometheusOnly() {
		assertThat(this.http.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/info").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/prometheus").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/env").status()).isEqualTo(404);
	}

}

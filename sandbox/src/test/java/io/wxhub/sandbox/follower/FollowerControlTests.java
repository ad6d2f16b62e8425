package io.wxhub.sandbox.follower;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class FollowerControlTests extends SandboxTestSupport {

	@Autowired
	private FollowerRegistry followers;

	@Test
	void everyAppStartsWithThreeDemoFollowers() {
		JsonNode list = this.http.get("/sandbox/apps/{app}/followers", APP).json();
		assertThat(list.size()).isEqualTo(3);
		// documented values: "o" + 27 characters of base64url(SHA-256(appId#index))
		assertThat(list.get(0).path("openid").asString()).isEqualTo("o6QT0ruIp7HqPn01laGVDpNMMn4p");
		assertThat(list.get(1).path("openid").asString()).isEqualTo("oOee_nggnrL0GNoAYG4AlEFzQm7G");
		assertThat(list.get(2).path("openid").asString()).isEqualTo("oaFYdAXACDX0lfogEioGKoFvFVSX");
		assertThat(DemoFollowers.openid(APP2, 1)).isEqualTo("osgw92YFykhJHthXD4HlSr7GiwnE");
		assertThat(list.get(0).path("subscribed").asBoolean()).isTrue();
		assertThat(list.get(0).path("window").path("remaining").asInt()).isEqualTo(5);
		assertThat(list.get(0).path("lastMessageAt").isNull()).isFalse();
		assertThat(list.get(1).path("subscribed").asBoolean()).isTrue();
		assertThat(list.get(1).path("lastMessageAt").isNull()).isTrue();
		assertThat(list.get(1).path("window").isNull()).isTrue();
		assertThat(list.get(2).path("subscribed").asBoolean()).isFalse();
		assertThat(this.http.get("/sandbox/apps/{app}/followers", APP2).json().get(0).path("openid").asString())
			.isEqualTo(demoFollower(APP2, 1));
	}

	@Test
	void createsNumberedFollowersAndUpdatesThem() {
		Reply created = this.http.post("/sandbox/apps/{app}/followers", null, APP);
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.json().path("openid").asString()).isEqualTo(DemoFollowers.openid(APP, 4));
		assertThat(created.json().path("subscribed").asBoolean()).isTrue();
		assertThat(Instant.parse(created.json().path("subscribeTime").asString())).isEqualTo(this.clock.instant());
		Instant wrote = this.clock.instant().minus(Duration.ofHours(1));
		JsonNode named = this.http
			.post("/sandbox/apps/{app}/followers", Map.of("openid", "oCustom_1", "lastMessageAt", wrote.toString()),
					APP)
			.json();
		assertThat(named.path("openid").asString()).isEqualTo("oCustom_1");
		assertThat(Instant.parse(named.path("lastMessageAt").asString())).isEqualTo(wrote);
		JsonNode window = named.path("window");
		assertThat(window.path("trigger").asString()).isEqualTo("MESSAGE");
		assertThat(window.path("remaining").asInt()).isEqualTo(5);
		assertThat(Instant.parse(window.path("closesAt").asString())).isEqualTo(wrote.plus(Duration.ofHours(48)));
		JsonNode unfollowed = this.http
			.post("/sandbox/apps/{app}/followers", Map.of("openid", "oCustom_1", "subscribed", false), APP)
			.json();
		assertThat(unfollowed.path("subscribed").asBoolean()).isFalse();
		assertThat(this.http.get("/sandbox/apps/{app}/followers", APP).json().size()).isEqualTo(5);
		assertThat(this.http.post("/sandbox/apps/{app}/followers", null, APP).json().path("openid").asString())
			.isEqualTo(DemoFollowers.openid(APP, 5));
	}

	@Test
	void interactionsOpenWindows() {
		String openid = demoFollower(APP, 2);
		Instant now = this.clock.instant();
		Follower clicked = this.followers.recordInteraction(APP, openid, Interaction.MENU_CLICK, now);
		assertThat(clicked.window().remaining()).isEqualTo(3);
		assertThat(clicked.window().closesAt()).isEqualTo(now.plusSeconds(60));
		assertThat(clicked.lastMessageAt()).isNull();
		Follower wrote = this.followers.recordInteraction(APP, openid, Interaction.MESSAGE, now.plusSeconds(1));
		assertThat(wrote.window().remaining()).isEqualTo(5);
		assertThat(wrote.lastMessageAt()).isEqualTo(now.plusSeconds(1));
		// a shorter window does not replace an open longer one
		Follower scanned = this.followers.recordInteraction(APP, openid, Interaction.QR_SCAN, now.plusSeconds(2));
		assertThat(scanned.window().trigger()).isEqualTo(Interaction.MESSAGE);
		Follower paid = this.followers.recordInteraction(APP, openid, Interaction.PAYMENT, now.plusSeconds(3));
		assertThat(paid.window().remaining()).isNull();
		Follower newcomer = this.followers.recordInteraction(APP, "oNewcomer", Interaction.SUBSCRIBE, now);
		assertThat(newcomer.subscribed()).isTrue();
		assertThat(newcomer.window().remaining()).isEqualTo(3);
		Follower back = this.followers.recordInteraction(APP, demoFollower(APP, 3), Interaction.SUBSCRIBE, now);
		assertThat(back.subscribed()).isTrue();
		assertThat(back.subscribeTime()).isEqualTo(now);
	}

	@Test
	void badRequestsAreProblems() {
		Reply badTime = this.http.post("/sandbox/apps/{app}/followers", Map.of("lastMessageAt", "yesterday"), APP);
		assertThat(badTime.status()).isEqualTo(400);
		assertThat(badTime.contentType().toString()).startsWith("application/problem+json");
		assertThat(this.http.post("/sandbox/apps/{app}/followers", Map.of("openid", "no spaces"), APP).status())
			.isEqualTo(400);
		assertThat(this.http.get("/sandbox/apps/{app}/followers", "nope").status()).isEqualTo(404);
		assertThat(this.http.post("/sandbox/apps/{app}/followers", null, "nope").status()).isEqualTo(404);
		assertThat(this.http.get("/sandbox/apps/{app}/messages", "nope").status()).isEqualTo(404);
	}

}

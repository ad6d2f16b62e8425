package io.wxhub.sandbox.conversation;

import java.time.Instant;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.push.Answers;
import io.wxhub.sandbox.push.CallbackAccount;
import io.wxhub.sandbox.push.PushTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follower's chat: what they sent, the passive replies, the unavailable notices and the
 * customer-service messages the app sent through the API side.
 */
class ConversationTests extends PushTestSupport {

	@Test
	void recordsBothSidesIncludingCustomerServiceMessages() {
		String openid = follower(SAFE, 2);
		String token = accessToken(SAFE);
		assertThat(customText(token, openid, "too early").errcode()).isEqualTo(45015);
		send(SAFE, openid, Map.of("msgType", "text", "content", "微博"));
		assertThat(customText(token, openid, "稍后回复您").errcode()).isZero();
		SERVER.script(Answers.body(500, ""), Answers.body(500, ""), Answers.body(500, ""));
		send(SAFE, openid, Map.of("msgType", "image", "picUrl", "http://p/x.jpg"));
		JsonNode chat = conversation(SAFE, openid);
		assertThat(chat.size()).isEqualTo(5);
		assertEntry(chat.get(0), "in", "message", "text", "微博");
		assertThat(chat.get(0).path("body").asString()).contains("<Content><![CDATA[微博]]></Content>");
		assertEntry(chat.get(1), "out", "passive-reply", "text", "echo: 微博");
		assertThat(chat.get(1).path("body").asString()).contains("<ToUserName><![CDATA[" + openid + "]]>");
		assertEntry(chat.get(2), "out", "customer-service", "text", "稍后回复您");
		assertThat(chat.get(2).path("body").path("touser").asString()).isEqualTo(openid);
		assertEntry(chat.get(3), "in", "message", "image", "[image] http://p/x.jpg");
		assertEntry(chat.get(4), "out", "unavailable", "text", UNAVAILABLE);
		assertThat(Instant.parse(chat.get(4).path("at").asString())).isEqualTo(this.clock.instant());
		assertThat(conversation(SAFE, follower(SAFE, 1)).isEmpty()).isTrue();
		assertThat(this.http.delete("/sandbox/apps/{app}/conversations/{openid}", SAFE.appId(), openid).status())
			.isEqualTo(204);
		assertThat(conversation(SAFE, openid).isEmpty()).isTrue();
		// the message log of the API side keeps its own record
		assertThat(this.http.get("/sandbox/apps/{app}/messages", SAFE.appId()).json().size()).isEqualTo(1);
		send(SAFE, openid, Map.of("msgType", "text", "content", "again"));
		assertThat(conversation(SAFE, openid).size()).isEqualTo(2);
		assertThat(this.http.post("/sandbox/reset", null).status()).isEqualTo(204);
		assertThat(conversation(SAFE, openid).isEmpty()).isTrue();
	}

	@Test
	void followersInteractAsWithWeChat() {
		String token = accessToken(PLAIN);
		String former = follower(PLAIN, 3);
		send(PLAIN, former, Map.of("msgType", "event", "event", "subscribe"));
		assertThat(followerOf(PLAIN, former).path("subscribed").asBoolean()).isTrue();
		assertThat(followerOf(PLAIN, former).path("window").path("trigger").asString()).isEqualTo("SUBSCRIBE");
		send(PLAIN, former, Map.of("msgType", "event", "event", "unsubscribe"));
		assertThat(followerOf(PLAIN, former).path("subscribed").asBoolean()).isFalse();
		assertThat(customText(token, former, "bye").errcode()).isEqualTo(43004);
		send(PLAIN, "oNewcomer0001", Map.of("msgType", "text", "content", "hello"));
		assertThat(followerOf(PLAIN, "oNewcomer0001").path("window").path("trigger").asString()).isEqualTo("MESSAGE");
		assertThat(customText(token, "oNewcomer0001", "welcome").errcode()).isZero();
		String clicker = follower(PLAIN, 2);
		send(PLAIN, clicker, Map.of("msgType", "event", "event", "VIEW", "eventKey", "http://www.qq.com"));
		assertThat(followerOf(PLAIN, clicker).path("window").isNull()).isTrue();
		send(PLAIN, clicker, Map.of("msgType", "event", "event", "CLICK", "eventKey", "K"));
		assertThat(followerOf(PLAIN, clicker).path("window").path("trigger").asString()).isEqualTo("MENU_CLICK");
		for (int i = 0; i < 3; i++) {
			assertThat(customText(token, clicker, "menu " + i).errcode()).isZero();
		}
		assertThat(customText(token, clicker, "one too many").errcode()).isEqualTo(45047);
	}

	@Test
	void qrCodesOfTheAppGiveTheirScene() {
		String token = accessToken(PLAIN);
		String ticket = this.http
			.post("/cgi-bin/qrcode/create?access_token={t}", Map.of("expire_seconds", 600, "action_name", "QR_SCENE",
					"action_info", Map.of("scene", Map.of("scene_id", 77))), token)
			.text("ticket");
		send(PLAIN, "oScanner00001", Map.of("msgType", "event", "event", "subscribe", "ticket", ticket));
		assertThat(SERVER.last().message().fields()).containsEntry("EventKey", "qrscene_77")
			.containsEntry("Ticket", ticket);
		assertThat(followerOf(PLAIN, "oScanner00001").path("window").path("trigger").asString()).isEqualTo("QR_SCAN");
		send(PLAIN, "oScanner00001", Map.of("msgType", "event", "event", "SCAN", "ticket", ticket));
		assertThat(SERVER.last().message().fields()).containsEntry("EventKey", "77").containsEntry("Ticket", ticket);
		Reply otherApp = send(SAFE, "oScanner00001", Map.of("msgType", "event", "event", "SCAN", "ticket", ticket));
		assertThat(otherApp.status()).isEqualTo(400);
	}

	private String accessToken(CallbackAccount account) {
		Reply reply = token(account.appId(), account.secret());
		assertThat(reply.text("access_token")).as(reply.body()).isNotNull();
		return reply.text("access_token");
	}

	private Reply customText(String token, String openid, String content) {
		return this.http.post("/cgi-bin/message/custom/send?access_token={t}",
				Map.of("touser", openid, "msgtype", "text", "text", Map.of("content", content)), token);
	}

	private JsonNode conversation(CallbackAccount account, String openid) {
		Reply reply = this.http.get("/sandbox/apps/{app}/conversations/{openid}", account.appId(), openid);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private JsonNode followerOf(CallbackAccount account, String openid) {
		for (JsonNode follower : this.http.get("/sandbox/apps/{app}/followers", account.appId()).json()) {
			if (follower.path("openid").asString().equals(openid)) {
				return follower;
			}
		}
		throw new AssertionError("no follower " + openid);
	}

	private static void assertEntry(JsonNode entry, String direction, String kind, String msgType, String summary) {
		assertThat(entry.path("direction").asString()).as(entry.toString()).isEqualTo(direction);
		assertThat(entry.path("kind").asString()).isEqualTo(kind);
		assertThat(entry.path("msgType").asString()).isEqualTo(msgType);
		assertThat(entry.path("summary").asString()).isEqualTo(summary);
	}

}

package io.wxhub.sandbox.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wxhub.protocol.reply.TextReply;
import io.wxhub.sandbox.EventStream;
import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.push.Answers;
import io.wxhub.sandbox.push.PushTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery log behind the console's developer panel: each push with what was sent,
 * every attempt, the answer and WeChat's checks of it, newest first, live.
 */
class DeliveryLogTests extends PushTestSupport {

	private static final Map<String, Object> TEXT = Map.of("msgType", "text", "content", "你好");

	@Test
	void failedAttemptsAreRecordedWithTheirStatusOrError() {
		SERVER.script(Answers.body(500, "oops"), Answers.late(LATE_MILLIS, Answers.body(200, "success")),
				Answers.body(502, ""));
		String openid = follower(PLAIN, 1);
		JsonNode result = send(PLAIN, openid, TEXT).json();
		assertThat(result.path("outcome").asString()).isEqualTo("unavailable");

		JsonNode delivery = only(deliveries(PLAIN.appId(), openid));
		assertThat(delivery.path("id").asLong()).isEqualTo(result.path("deliveryId").asLong());
		assertThat(delivery.path("msgType").asString()).isEqualTo("text");
		assertThat(delivery.path("msgId").asLong()).isEqualTo(result.path("msgId").asLong());
		assertThat(delivery.path("mode").asString()).isEqualTo("plain");
		assertThat(delivery.path("plainXml").asString()).contains("<Content><![CDATA[你好]]></Content>");
		assertThat(delivery.path("encryptedXml").isNull()).isTrue();
		JsonNode attempts = delivery.path("attempts");
		assertThat(attempts).hasSize(3);
		assertThat(attempts.get(0).path("number").asInt()).isEqualTo(1);
		assertThat(attempts.get(0).path("status").asInt()).isEqualTo(500);
		assertThat(attempts.get(0).path("succeeded").asBoolean()).isFalse();
		assertThat(attempts.get(1).has("status")).isFalse();
		assertThat(attempts.get(1).path("error").asString())
			.isEqualTo("no answer within " + ATTEMPT_TIMEOUT.toMillis() + " ms");
		assertThat(attempts.get(1).path("elapsedMillis").asLong()).isGreaterThanOrEqualTo(ATTEMPT_TIMEOUT.toMillis());
		assertThat(attempts.get(2).path("status").asInt()).isEqualTo(502);
		assertThat(delivery.path("responseBody").isNull()).isTrue();
		assertThat(delivery.path("checks")).isEmpty();
		assertThat(delivery.path("outcome").asString()).isEqualTo("unavailable");
		assertThat(delivery.path("shown").asString()).isEqualTo(UNAVAILABLE);
		assertThat(delivery.path("problem").asString()).isEqualTo("attempt 3: HTTP status 502");
	}

	@Test
	void aValidEncryptedReplyPassesEveryCheck() {
		SERVER.script(Answers.reply(new TextReply("收到")));
		String openid = follower(SAFE, 1);
		send(SAFE, openid, TEXT);
		JsonNode delivery = only(deliveries(SAFE.appId(), openid));
		assertThat(delivery.path("mode").asString()).isEqualTo("safe");
		assertThat(delivery.path("plainXml").asString()).contains("你好");
		assertThat(delivery.path("encryptedXml").asString()).contains("<Encrypt>").doesNotContain("你好");
		assertThat(delivery.path("attempts")).hasSize(1);
		assertThat(delivery.path("attempts").get(0).path("status").asInt()).isEqualTo(200);
		assertThat(delivery.path("attempts").get(0).path("succeeded").asBoolean()).isTrue();
		assertThat(delivery.path("responseBody").asString()).contains("<MsgSignature>");
		assertThat(delivery.path("replyXml").asString()).contains("收到");
		assertThat(checks(delivery)).containsExactly("xml ✓", "mode ✓", "signature ✓", "decryption ✓", "reply ✓",
				"toUserName ✓", "fromUserName ✓");
		assertThat(delivery.path("outcome").asString()).isEqualTo("reply");
		assertThat(delivery.path("shown").asString()).isEqualTo("收到");
		assertThat(delivery.path("problem").isNull()).isTrue();
	}

	@Test
	void aBadSignatureStopsTheChecks() {
		SERVER.script(Answers.badSignature(new TextReply("收到")));
		String openid = follower(SAFE, 1);
		send(SAFE, openid, TEXT);
		JsonNode delivery = only(deliveries(SAFE.appId(), openid));
		assertThat(checks(delivery)).containsExactly("xml ✓", "mode ✓", "signature ✗");
		assertThat(delivery.path("checks").get(2).path("detail").asString()).isEqualTo("MsgSignature does not match");
		assertThat(delivery.path("outcome").asString()).isEqualTo("unavailable");
		assertThat(delivery.path("problem").asString()).isEqualTo("invalid reply: MsgSignature does not match");
	}

	@Test
	void aReplyToSomeoneElseFailsTheToUserNameCheck() {
		SERVER.script(Answers.replyTo("oSomeoneElse", new TextReply("收到")));
		String openid = follower(COMPATIBLE, 1);
		send(COMPATIBLE, openid, TEXT);
		JsonNode delivery = only(deliveries(COMPATIBLE.appId(), openid));
		assertThat(checks(delivery)).containsExactly("xml ✓", "mode ✓", "signature ✓", "decryption ✓", "reply ✓",
				"toUserName ✗", "fromUserName ✓");
		assertThat(delivery.path("checks").get(5).path("detail").asString())
			.isEqualTo("is oSomeoneElse, must be the follower (" + openid + ")");
		assertThat(delivery.path("replyXml").asString()).contains("oSomeoneElse");
		assertThat(delivery.path("shown").asString()).isEqualTo(UNAVAILABLE);
	}

	@Test
	void anotherAppIdFailsDecryptionAndAPlaintextReplyFailsSafeMode() {
		SERVER.script(Answers.otherAppId(new TextReply("x")), Answers.plainReply(new TextReply("y")));
		String openid = follower(SAFE, 2);
		send(SAFE, openid, TEXT);
		send(SAFE, openid, TEXT);
		List<JsonNode> both = list(deliveries(SAFE.appId(), openid));
		assertThat(checks(both.get(0))).containsExactly("xml ✓", "mode ✗");
		assertThat(both.get(0).path("checks").get(1).path("detail").asString())
			.isEqualTo("a plaintext reply in safe mode");
		assertThat(checks(both.get(1))).containsExactly("xml ✓", "mode ✓", "signature ✓", "decryption ✗");
	}

	@Test
	void droppedAnswersAndSuccessAreTold() {
		send(PLAIN, follower(PLAIN, 1), Map.of("msgType", "text", "content", "lossy", "dropResponses", 1));
		SERVER.script(Answers.body(200, "success"));
		send(PLAIN, follower(PLAIN, 1), TEXT);
		List<JsonNode> both = list(deliveries(PLAIN.appId(), follower(PLAIN, 1)));
		JsonNode empty = both.get(0);
		assertThat(empty.path("outcome").asString()).isEqualTo("empty");
		assertThat(checks(empty)).containsExactly("empty ✓");
		assertThat(empty.path("shown").isNull()).isTrue();
		JsonNode lossy = both.get(1);
		assertThat(lossy.path("attempts")).hasSize(2);
		assertThat(lossy.path("attempts").get(0).path("dropped").asBoolean()).isTrue();
		assertThat(lossy.path("attempts").get(0).path("status").asInt()).isEqualTo(200);
		assertThat(lossy.path("attempts").get(1).path("dropped").asBoolean()).isFalse();
		assertThat(lossy.path("outcome").asString()).isEqualTo("reply");
	}

	@Test
	void newestFirstPerFollowerWithALimitAndEmptiedByReset() {
		String first = follower(PLAIN, 1);
		String second = follower(PLAIN, 2);
		send(PLAIN, first, Map.of("msgType", "text", "content", "one"));
		send(PLAIN, second, Map.of("msgType", "text", "content", "two"));
		send(PLAIN, first, Map.of("msgType", "event", "event", "CLICK", "eventKey", "K1"));
		List<JsonNode> all = list(this.http.get("/sandbox/apps/{a}/deliveries", PLAIN.appId()));
		assertThat(all).extracting((delivery) -> delivery.path("openid").asString())
			.containsExactly(first, second, first);
		assertThat(all.get(0).path("event").asString()).isEqualTo("CLICK");
		assertThat(all.get(0).path("msgType").asString()).isEqualTo("event");
		assertThat(all.get(0).path("id").asLong()).isGreaterThan(all.get(1).path("id").asLong());
		assertThat(list(deliveries(PLAIN.appId(), first))).hasSize(2);
		assertThat(list(this.http.get("/sandbox/apps/{a}/deliveries?limit=1", PLAIN.appId()))).hasSize(1);
		assertThat(list(deliveries(SAFE.appId(), first))).isEmpty();

		assertThat(this.http.post("/sandbox/reset", null).status()).isEqualTo(204);
		assertThat(list(this.http.get("/sandbox/apps/{a}/deliveries", PLAIN.appId()))).isEmpty();
	}

	@Test
	void pushesAppearLiveOnTheStream() throws Exception {
		String openid = follower(PLAIN, 1);
		send(PLAIN, openid, Map.of("msgType", "text", "content", "before"));
		try (EventStream stream = EventStream.open(this.port,
				"/sandbox/apps/" + PLAIN.appId() + "/deliveries/events?openid=" + openid)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.nextEvent()).isEqualTo("history");
			assertThat(stream.nextData()).contains("before");
			// another follower's push is not for this page
			send(PLAIN, follower(PLAIN, 2), Map.of("msgType", "text", "content", "elsewhere"));
			send(PLAIN, openid, Map.of("msgType", "text", "content", "after"));
			assertThat(stream.nextEvent()).isEqualTo("entry");
			assertThat(stream.nextData()).contains("after").doesNotContain("elsewhere");
			assertThat(this.http.post("/sandbox/reset", null).status()).isEqualTo(204);
			assertThat(stream.nextEvent()).isEqualTo("history");
			assertThat(stream.nextData()).isEqualTo("[]");
		}
	}

	@Test
	void badQueriesAreProblems() {
		for (String query : List.of("limit=0", "limit=201", "limit=ten", "openid=o%20bad")) {
			Reply reply = this.http.get("/sandbox/apps/" + PLAIN.appId() + "/deliveries?" + query);
			assertThat(reply.status()).as(query).isEqualTo(400);
			assertThat(reply.contentType().toString()).as(query).startsWith("application/problem+json");
		}
		assertThat(
				this.http.get("/sandbox/apps/{a}/deliveries?limit=0", PLAIN.appId()).json().path("detail").asString())
			.isEqualTo("limit must be between 1 and 200");
		Reply unknown = this.http.get("/sandbox/apps/wx0000000000000000/deliveries");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("title").asString()).isEqualTo("Unknown app");
	}

	@Test
	void streamsOfUnknownAppsOrBadOpenidsAreRefused() throws Exception {
		try (EventStream unknown = EventStream.open(this.port, "/sandbox/apps/wx0000000000000000/deliveries/events")) {
			assertThat(unknown.status()).isEqualTo(404);
		}
		try (EventStream bad = EventStream.open(this.port,
				"/sandbox/apps/" + PLAIN.appId() + "/deliveries/events?openid=a%26b")) {
			assertThat(bad.status()).isEqualTo(400);
		}
	}

	private Reply deliveries(String appId, String openid) {
		return this.http.get("/sandbox/apps/{a}/deliveries?openid={o}", appId, openid);
	}

	private static List<JsonNode> list(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		reply.json().forEach(items::add);
		return items;
	}

	private static JsonNode only(Reply reply) {
		List<JsonNode> items = list(reply);
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private static List<String> checks(JsonNode delivery) {
		List<String> checks = new ArrayList<>();
		delivery.path("checks")
			.forEach((check) -> checks
				.add(check.path("check").asString() + (check.path("passed").asBoolean() ? " ✓" : " ✗")));
		return checks;
	}

}

package io.wxhub.sandbox.push;

import java.util.List;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /sandbox/apps/{appId}/followers/{openid}/send} refuses before pushing.
 */
class SendRequestTests extends PushTestSupport {

	@Test
	void unknownTypesAndMissingFieldsAreBadRequests() {
		String openid = follower(SAFE, 1);
		List<Map<String, ?>> bad = List.of(Map.of(), Map.of("msgType", "sticker"), Map.of("msgType", "text"),
				Map.of("msgType", "text", "content", " "), Map.of("msgType", "link", "title", "t", "description", "d"),
				Map.of("msgType", "location", "longitude", 113.3), Map.of("msgType", "event"),
				Map.of("msgType", "event", "event", "scancode_push"), Map.of("msgType", "event", "event", "CLICK"),
				Map.of("msgType", "event", "event", "VIEW"), Map.of("msgType", "event", "event", "LOCATION"),
				Map.of("msgType", "event", "event", "TEMPLATESENDJOBFINISH"),
				Map.of("msgType", "event", "event", "SCAN"),
				Map.of("msgType", "event", "event", "SCAN", "ticket", "not-a-ticket-of-this-app"),
				Map.of("msgType", "text", "content", "hi", "dropResponses", -1),
				Map.of("msgType", "location", "latitude", "north", "longitude", 1));
		for (Map<String, ?> body : bad) {
			Reply reply = send(SAFE, openid, body);
			assertThat(reply.status()).as(body.toString()).isEqualTo(400);
			assertThat(reply.contentType().toString()).startsWith("application/problem+json");
		}
		Reply badOpenid = send(SAFE, "o".repeat(65), Map.of("msgType", "text", "content", "hi"));
		assertThat(badOpenid.status()).isEqualTo(400);
		assertThat(badOpenid.json().path("title").asString()).isEqualTo("Invalid request");
		assertThat(this.http.post("/sandbox/apps/{app}/followers/{openid}/send", "not json", SAFE.appId(), openid)
			.status()).isEqualTo(400);
		assertThat(SERVER.received()).isEmpty();
	}

	@Test
	void unknownAppsAreNotFound() {
		Reply reply = this.http.post("/sandbox/apps/{app}/followers/{openid}/send",
				Map.of("msgType", "text", "content", "hi"), "wxnope", "oSomeone");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType().toString()).startsWith("application/problem+json");
		assertThat(reply.json().path("appId").asString()).isEqualTo("wxnope");
		assertThat(this.http.get("/sandbox/apps/{app}/conversations/{openid}", "wxnope", "oSomeone").status())
			.isEqualTo(404);
	}

	@Test
	void msgTypeAndEventAreReadInAnyCase() {
		Reply reply = send(PLAIN, follower(PLAIN, 1), Map.of("msgType", "EVENT", "event", "click", "eventKey", "K"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(SERVER.last().message().fields()).containsEntry("Event", "CLICK").containsEntry("MsgType", "event");
	}

}

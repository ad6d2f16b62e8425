package io.wxhub.sandbox.message;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateMessageApiTests extends SandboxTestSupport {

	private String token;

	// templates need no customer-service window: #2 never wrote
	private String openid;

	@BeforeEach
	void token() {
		this.token = classicToken();
		this.openid = demoFollower(APP, 2);
	}

	@Test
	void sendsAndRecordsTheMessage() {
		Map<String, Object> body = template(this.openid, null);
		body.put("url", "http://weixin.qq.com/download");
		body.put("miniprogram", Map.of("appid", "xiaochengxuappid12345", "pagepath", "index?foo=bar"));
		Reply reply = send(body);
		assertThat(reply.errcode()).isZero();
		assertThat(reply.errmsg()).isEqualTo("ok");
		long msgid = reply.json().path("msgid").asLong();
		assertThat(msgid).isPositive();
		assertThat(reply.body()).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgid + "}");
		assertThat(send(template(this.openid, null)).json().path("msgid").asLong()).isNotEqualTo(msgid);
		JsonNode recorded = this.http.get("/sandbox/apps/{app}/messages?openid={o}", APP, this.openid).json();
		assertThat(recorded.size()).isEqualTo(2);
		assertThat(recorded.get(0).path("msgtype").asString()).isEqualTo("template");
		assertThat(recorded.get(0).path("msgid").asLong()).isEqualTo(msgid);
		assertThat(recorded.get(0).path("body").path("data").path("keyword1").path("value").asString())
			.isEqualTo("巧克力");
		assertThat(recorded.get(0).path("body").path("url").asString()).isEqualTo("http://weixin.qq.com/download");
	}

	@Test
	void clientMsgIdMakesTheSendIdempotentForTenMinutes() {
		long first = send(template(this.openid, "MSG_000001")).json().path("msgid").asLong();
		assertThat(send(template(this.openid, "MSG_000001")).json().path("msgid").asLong()).isEqualTo(first);
		long otherFollower = send(template(demoFollower(APP, 1), "MSG_000001")).json().path("msgid").asLong();
		assertThat(otherFollower).isNotEqualTo(first);
		long otherId = send(template(this.openid, "MSG_000002")).json().path("msgid").asLong();
		assertThat(otherId).isNotIn(first, otherFollower);
		assertThat(this.http.get("/sandbox/apps/{app}/messages?openid={o}", APP, this.openid).json().size())
			.isEqualTo(2);
		advance(Duration.ofMinutes(9).plusSeconds(59));
		assertThat(send(template(this.openid, "MSG_000001")).json().path("msgid").asLong()).isEqualTo(first);
		advance(Duration.ofSeconds(1));
		assertThat(send(template(this.openid, "MSG_000001")).json().path("msgid").asLong()).isNotEqualTo(first);
		assertThat(this.http.get("/sandbox/apps/{app}/messages?openid={o}", APP, this.openid).json().size())
			.isEqualTo(3);
	}

	@Test
	void templateAndRecipientAreChecked() {
		Map<String, Object> noTemplate = template(this.openid, null);
		noTemplate.remove("template_id");
		Reply invalid = send(noTemplate);
		assertThat(invalid.errcode()).isEqualTo(40037);
		assertThat(invalid.errmsg()).matches("invalid template_id" + RID);
		noTemplate.put("template_id", " ");
		assertThat(send(noTemplate).errcode()).isEqualTo(40037);
		assertThat(send(template("oUnknown", null)).errcode()).isEqualTo(40003);
		Map<String, Object> noRecipient = template(this.openid, null);
		noRecipient.remove("touser");
		assertThat(send(noRecipient).errcode()).isEqualTo(40003);
		assertThat(send(template(demoFollower(APP, 3), null)).errcode()).isEqualTo(43004);
	}

	@Test
	void dataIsChecked() {
		for (Object data : new Object[] { null, "text", List.of(), Map.of("keyword1", "plain"),
				Map.of("keyword1", Map.of("color", "#173177")) }) {
			Map<String, Object> body = template(this.openid, null);
			body.put("data", data);
			if (data == null) {
				body.remove("data");
			}
			Reply reply = send(body);
			assertThat(reply.errcode()).as("data %s", data).isEqualTo(47003);
			assertThat(reply.errmsg()).matches("argument invalid!" + RID);
		}
		assertThat(this.http.get("/sandbox/apps/{app}/messages", APP).json().size()).isZero();
	}

	@Test
	void bodiesAreChecked() {
		assertThat(send("{\"touser\":").errcode()).isEqualTo(47001);
		assertThat(this.http.post("/cgi-bin/message/template/send?access_token={t}", null, this.token).errcode())
			.isEqualTo(44002);
		String escaped = "{\"touser\":\"" + this.openid + "\",\"template_id\":\"T\","
				+ "\"data\":{\"keyword1\":{\"value\":\"\\u5de7\"}}}";
		assertThat(send(escaped).errcode()).isEqualTo(40033);
		assertThat(this.http.post("/cgi-bin/message/template/send", template(this.openid, null)).errcode())
			.isEqualTo(41001);
	}

	private Reply send(Object body) {
		return this.http.post("/cgi-bin/message/template/send?access_token={t}", body, this.token);
	}

	private static Map<String, Object> template(String openid, String clientMsgId) {
		Map<String, Object> body = new HashMap<>();
		body.put("touser", openid);
		body.put("template_id", "ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY");
		body.put("data", Map.of("keyword1", Map.of("value", "巧克力"), "keyword2", Map.of("value", "39.8元")));
		if (clientMsgId != null) {
			body.put("client_msg_id", clientMsgId);
		}
		return body;
	}

}

package io.wxhub.sandbox.qrcode;

import java.time.Duration;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /sandbox/apps/{appId}/qrcodes}: the account's codes a follower could still
 * scan, oldest first.
 */
class QrCodeListTests extends SandboxTestSupport {

	@Test
	void listsTheAccountsUnexpiredCodes() {
		String token = classicToken();
		assertThat(list(APP).size()).isZero();
		String temporary = create(token, Map.of("expire_seconds", 120, "action_name", "QR_SCENE", "action_info",
				Map.of("scene", Map.of("scene_id", 7))));
		advance(Duration.ofSeconds(1));
		String permanent = create(token,
				Map.of("action_name", "QR_LIMIT_STR_SCENE", "action_info", Map.of("scene", Map.of("scene_str", "海报"))));
		create(token(APP2, SECRET2).text("access_token"),
				Map.of("action_name", "QR_LIMIT_SCENE", "action_info", Map.of("scene", Map.of("scene_id", 1))));

		JsonNode codes = list(APP);
		assertThat(codes.size()).isEqualTo(2);
		JsonNode first = codes.get(0);
		assertThat(first.path("ticket").asString()).isEqualTo(temporary);
		assertThat(first.path("scene").asString()).isEqualTo("7");
		assertThat(first.path("kind").asString()).isEqualTo("temporary");
		assertThat(first.path("actionName").asString()).isEqualTo("QR_SCENE");
		assertThat(first.path("url").asString()).startsWith("http://weixin.qq.com/q/");
		assertThat(first.path("expiresAt").asString())
			.isEqualTo(this.clock.instant().minusSeconds(1).plusSeconds(120).toString());
		JsonNode second = codes.get(1);
		assertThat(second.path("ticket").asString()).isEqualTo(permanent);
		assertThat(second.path("scene").asString()).isEqualTo("海报");
		assertThat(second.path("kind").asString()).isEqualTo("permanent");
		assertThat(second.path("expiresAt").isNull()).isTrue();

		advance(Duration.ofSeconds(119));
		assertThat(list(APP).size()).isEqualTo(1);
		assertThat(list(APP).get(0).path("ticket").asString()).isEqualTo(permanent);
		assertThat(list(APP2).size()).isEqualTo(1);
	}

	@Test
	void anUnknownAppIsNotFound() {
		Reply reply = this.http.get("/sandbox/apps/{app}/qrcodes", "nope");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType().toString()).startsWith("application/problem+json");
	}

	private JsonNode list(String appId) {
		Reply reply = this.http.get("/sandbox/apps/{app}/qrcodes", appId);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private String create(String token, Map<String, Object> request) {
		Reply reply = this.http.post("/cgi-bin/qrcode/create?access_token={t}", request, token);
		assertThat(reply.errcode()).as(reply.body()).isZero();
		return reply.text("ticket");
	}

}

package io.wxhub.sandbox.qrcode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeApiTests extends SandboxTestSupport {

	@Autowired
	private QrCodes codes;

	private String token;

	@BeforeEach
	void token() {
		this.token = classicToken();
	}

	@Test
	void temporaryNumericSceneLastsSixtySecondsByDefault() {
		Reply reply = create(Map.of("action_name", "QR_SCENE", "action_info", scene("scene_id", 123)));
		assertThat(reply.errcode()).as(reply.body()).isZero();
		String ticket = reply.text("ticket");
		assertThat(reply.json().path("expire_seconds").asLong()).isEqualTo(60);
		assertThat(reply.text("url")).matches("http://weixin\\.qq\\.com/q/[A-Za-z0-9]{22}");
		assertThat(new String(Base64.getDecoder().decode(ticket), StandardCharsets.ISO_8859_1))
			.contains(reply.text("url"));
		assertThat(ticket).startsWith("gQ");
		QrScene scene = this.codes.sceneOf(ticket).orElseThrow();
		assertThat(scene.appId()).isEqualTo(APP);
		assertThat(scene.actionName()).isEqualTo("QR_SCENE");
		assertThat(scene.sceneId()).isEqualTo(123L);
		assertThat(scene.scene()).isEqualTo("123");
		assertThat(scene.isPermanent()).isFalse();
		advance(Duration.ofSeconds(59));
		assertThat(this.codes.sceneOf(ticket)).isPresent();
		advance(Duration.ofSeconds(1));
		assertThat(this.codes.sceneOf(ticket)).isEmpty();
		assertThat(this.codes.sceneOf("unknown")).isEmpty();
		assertThat(this.codes.sceneOf(null)).isEmpty();
	}

	@Test
	void temporaryStringSceneWithItsOwnExpiry() {
		Reply reply = create(Map.of("expire_seconds", 604800, "action_name", "QR_STR_SCENE", "action_info",
				scene("scene_str", "test")));
		assertThat(reply.json().path("expire_seconds").asLong()).isEqualTo(604800);
		assertThat(this.codes.sceneOf(reply.text("ticket")).orElseThrow().scene()).isEqualTo("test");
		Reply capped = create(Map.of("expire_seconds", 9_999_999, "action_name", "QR_SCENE", "action_info",
				scene("scene_id", 4_294_967_295L)));
		assertThat(capped.json().path("expire_seconds").asLong()).isEqualTo(2_592_000);
		Reply textual = create(
				Map.of("expire_seconds", "300", "action_name", "QR_SCENE", "action_info", scene("scene_id", "42")));
		assertThat(textual.json().path("expire_seconds").asLong()).isEqualTo(300);
		assertThat(this.codes.sceneOf(textual.text("ticket")).orElseThrow().sceneId()).isEqualTo(42L);
	}

	@Test
	void permanentCodesHaveNoExpiryAndKeepTheirTicket() {
		Reply reply = create(Map.of("action_name", "QR_LIMIT_SCENE", "action_info", scene("scene_id", 100_000)));
		assertThat(reply.json().has("expire_seconds")).isFalse();
		assertThat(reply.json().size()).isEqualTo(2);
		Reply again = create(Map.of("action_name", "QR_LIMIT_SCENE", "action_info", scene("scene_id", 100_000)));
		assertThat(again.text("ticket")).isEqualTo(reply.text("ticket"));
		Reply string = create(
				Map.of("action_name", "QR_LIMIT_STR_SCENE", "action_info", scene("scene_str", "s".repeat(64))));
		assertThat(string.text("ticket")).isNotEqualTo(reply.text("ticket"));
		advance(Duration.ofDays(365));
		QrScene scene = this.codes.sceneOf(string.text("ticket")).orElseThrow();
		assertThat(scene.isPermanent()).isTrue();
		assertThat(scene.sceneStr()).hasSize(64);
	}

	@Test
	void actionNamesAreChecked() {
		Reply unknown = create(Map.of("action_name", "QR_FOREVER", "action_info", scene("scene_id", 1)));
		assertThat(unknown.errcode()).isEqualTo(40097);
		assertThat(unknown.errmsg()).matches("invalid args" + RID);
		assertThat(create(Map.of("action_info", scene("scene_id", 1))).errcode()).isEqualTo(40097);
		assertThat(create(Map.of("expire_seconds", -5, "action_name", "QR_SCENE", "action_info", scene("scene_id", 1)))
			.errcode()).isEqualTo(40097);
		assertThat(
				create(Map.of("expire_seconds", "soon", "action_name", "QR_SCENE", "action_info", scene("scene_id", 1)))
					.errcode())
			.isEqualTo(40097);
	}

	@Test
	void scenesAreChecked() {
		Reply zero = create(Map.of("action_name", "QR_SCENE", "action_info", scene("scene_id", 0)));
		assertThat(zero.errcode()).isEqualTo(40053);
		assertThat(zero.errmsg()).matches("invalid action info" + RID);
		assertThat(
				create(Map.of("action_name", "QR_SCENE", "action_info", scene("scene_id", 4_294_967_296L))).errcode())
			.isEqualTo(40053);
		assertThat(create(Map.of("action_name", "QR_LIMIT_SCENE", "action_info", scene("scene_id", 100_001))).errcode())
			.isEqualTo(40053);
		assertThat(create(Map.of("action_name", "QR_LIMIT_SCENE", "action_info", scene("scene_str", "1"))).errcode())
			.isEqualTo(40053);
		assertThat(create(Map.of("action_name", "QR_STR_SCENE", "action_info", scene("scene_str", ""))).errcode())
			.isEqualTo(40053);
		assertThat(
				create(Map.of("action_name", "QR_LIMIT_STR_SCENE", "action_info", scene("scene_str", "s".repeat(65))))
					.errcode())
			.isEqualTo(40053);
		assertThat(create(Map.of("action_name", "QR_SCENE")).errcode()).isEqualTo(40053);
		assertThat(create("nope").errcode()).isEqualTo(47001);
		assertThat(this.http.post("/cgi-bin/qrcode/create", Map.of("action_name", "QR_SCENE")).errcode())
			.isEqualTo(41001);
	}

	private Reply create(Object body) {
		return this.http.post("/cgi-bin/qrcode/create?access_token={t}", body, this.token);
	}

	private static Map<String, Object> scene(String field, Object value) {
		return Map.of("scene", Map.of(field, value));
	}

}

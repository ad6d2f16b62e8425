package io.wxhub.sandbox.qrcode;

import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatBodies;
import io.wxhub.sandbox.wechat.WeChatErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code qrcode/create}: an unknown {@code action_name} or a bad {@code expire_seconds}
 * is 40097, a missing or out-of-range scene 40053. Temporary codes live 60 s unless told,
 * at most 30 days (longer asks get 30 days).
 */
@RestController
class QrCodeController {

	private static final Set<String> ACTIONS = Set.of("QR_SCENE", "QR_STR_SCENE", "QR_LIMIT_SCENE",
			"QR_LIMIT_STR_SCENE");

	private static final long DEFAULT_EXPIRE_SECONDS = 60;

	private static final long MAX_EXPIRE_SECONDS = 2_592_000;

	// temporary numeric scenes are any non-zero 32-bit value
	private static final long MAX_TEMPORARY_SCENE_ID = 0xFFFF_FFFFL;

	private static final long MAX_PERMANENT_SCENE_ID = 100_000;

	private static final int MAX_SCENE_STR = 64;

	private final QrCodes codes;

	private final WeChatBodies bodies;

	QrCodeController(QrCodes codes, WeChatBodies bodies) {
		this.codes = codes;
		this.bodies = bodies;
	}

	@PostMapping(CgiPaths.QRCODE_CREATE)
	QrCodeResponse create(AuthorizedApp app, @RequestBody(required = false) byte[] body) {
		ObjectNode request = this.bodies.object(body);
		JsonNode action = request.get("action_name");
		if (action == null || !action.isString() || !ACTIONS.contains(action.stringValue())) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_ARGS);
		}
		String actionName = action.stringValue();
		boolean temporary = !actionName.startsWith("QR_LIMIT_");
		JsonNode scene = request.path("action_info").path("scene");
		Long sceneId = null;
		String sceneStr = null;
		if (actionName.endsWith("_STR_SCENE")) {
			sceneStr = sceneStr(scene.get("scene_str"));
		}
		else {
			sceneId = sceneId(scene.get("scene_id"), temporary ? MAX_TEMPORARY_SCENE_ID : MAX_PERMANENT_SCENE_ID);
		}
		Long expireSeconds = temporary ? expireSeconds(request.get("expire_seconds")) : null;
		QrScene created = this.codes.create(app.appId(), actionName, sceneId, sceneStr,
				(expireSeconds != null) ? Duration.ofSeconds(expireSeconds) : null);
		return new QrCodeResponse(created.ticket(), expireSeconds, created.url());
	}

	private static String sceneStr(JsonNode value) {
		if (value == null || !value.isString() || value.stringValue().isEmpty()
				|| value.stringValue().length() > MAX_SCENE_STR) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_ACTION_INFO);
		}
		return value.stringValue();
	}

	private static long sceneId(JsonNode value, long max) {
		long id = integer(value, WeChatErrorCode.INVALID_ACTION_INFO);
		if (id < 1 || id > max) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_ACTION_INFO);
		}
		return id;
	}

	private static long expireSeconds(JsonNode value) {
		if (value == null || value.isNull()) {
			return DEFAULT_EXPIRE_SECONDS;
		}
		long seconds = integer(value, WeChatErrorCode.INVALID_ARGS);
		if (seconds < 1) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_ARGS);
		}
		return Math.min(seconds, MAX_EXPIRE_SECONDS);
	}

	// numbers may come as JSON numbers or as strings of digits
	private static long integer(JsonNode value, WeChatErrorCode errcode) {
		if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value != null && value.isString() && value.stringValue().matches("\\d{1,18}")) {
			return Long.parseLong(value.stringValue());
		}
		throw WeChatErrors.of(errcode);
	}

	@JsonInclude(Include.NON_NULL)
	record QrCodeResponse(String ticket, @JsonProperty("expire_seconds") Long expireSeconds, String url) {
	}

}

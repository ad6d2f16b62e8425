package io.wxhub.sandbox.menu;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.wechat.WeChatErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WeChat's checks of a {@code menu/create} body. Lengths are UTF-8 bytes. A button with a
 * non-empty {@code sub_button} is a parent (a {@code type} on it is ignored, as WeChat
 * does); any other button needs a {@code type}. Fields WeChat does not name get 40097.
 */
final class MenuValidator {

	private static final int MAX_BUTTONS = 3;

	private static final int MAX_SUB_BUTTONS = 5;

	private static final int TOP_NAME_BYTES = 16;

	private static final int SUB_NAME_BYTES = 60;

	private static final int KEY_BYTES = 128;

	private static final int URL_BYTES = 1024;

	private static final Set<String> KEY_TYPES = Set.of("click", "scancode_push", "scancode_waitmsg", "pic_sysphoto",
			"pic_photo_or_album", "pic_weixin", "location_select");

	private static final Set<String> OTHER_TYPES = Set.of("view", "media_id", "view_limited", "article_id",
			"article_view_limited", "miniprogram");

	private MenuValidator() {
	}

	/**
	 * @param body the parsed request
	 * @return its {@code button} array, valid
	 * @throws WeChatException 40016, 40017, 40018, 40019, 40020, 40022, 40023, 40007,
	 * 40097 or 47001
	 */
	static ArrayNode validate(ObjectNode body) {
		JsonNode buttons = body.get("button");
		if (buttons != null && !buttons.isArray() && !buttons.isNull()) {
			throw WeChatErrors.of(WeChatErrorCode.DATA_FORMAT_ERROR);
		}
		if (buttons == null || buttons.size() < 1 || buttons.size() > MAX_BUTTONS) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_BUTTON_SIZE);
		}
		buttons.forEach(MenuValidator::topLevel);
		return (ArrayNode) buttons;
	}

	private static void topLevel(JsonNode button) {
		name(button, TOP_NAME_BYTES);
		JsonNode subButtons = subButtons(button);
		if (subButtons == null || (subButtons.isEmpty() && button.has("type"))) {
			leaf(button);
			return;
		}
		if (subButtons.isEmpty() || subButtons.size() > MAX_SUB_BUTTONS) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_SUB_BUTTON_SIZE);
		}
		for (JsonNode subButton : subButtons) {
			name(subButton, SUB_NAME_BYTES);
			JsonNode nested = subButtons(subButton);
			if (nested != null && !nested.isEmpty()) {
				throw WeChatErrors.of(WeChatErrorCode.INVALID_SUB_MENU_LEVEL);
			}
			leaf(subButton);
		}
	}

	private static JsonNode subButtons(JsonNode button) {
		JsonNode subButtons = button.get("sub_button");
		if (subButtons != null && !subButtons.isArray()) {
			throw WeChatErrors.of(WeChatErrorCode.DATA_FORMAT_ERROR);
		}
		return subButtons;
	}

	private static void name(JsonNode button, int maxBytes) {
		if (!button.isObject()) {
			throw WeChatErrors.of(WeChatErrorCode.DATA_FORMAT_ERROR);
		}
		String name = text(button, "name");
		if (name == null || bytes(name) > maxBytes) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_BUTTON_NAME_SIZE);
		}
	}

	private static void leaf(JsonNode button) {
		String type = text(button, "type");
		if (type == null || !(KEY_TYPES.contains(type) || OTHER_TYPES.contains(type))) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_BUTTON_TYPE);
		}
		limited(button, "key", KEY_BYTES, KEY_TYPES.contains(type), WeChatErrorCode.INVALID_BUTTON_KEY_SIZE);
		limited(button, "url", URL_BYTES, type.equals("view") || type.equals("miniprogram"),
				WeChatErrorCode.INVALID_BUTTON_URL_SIZE);
		switch (type) {
			case "media_id", "view_limited" -> required(button, "media_id", WeChatErrorCode.INVALID_MEDIA_ID);
			case "article_id", "article_view_limited" -> required(button, "article_id", WeChatErrorCode.INVALID_ARGS);
			case "miniprogram" -> {
				required(button, "appid", WeChatErrorCode.INVALID_ARGS);
				required(button, "pagepath", WeChatErrorCode.INVALID_ARGS);
			}
			default -> {
			}
		}
	}

	private static void limited(JsonNode button, String field, int maxBytes, boolean required,
			WeChatErrorCode errcode) {
		JsonNode value = button.get(field);
		boolean absent = value == null || value.isNull() || (value.isString() && value.stringValue().isEmpty());
		if ((absent) ? required : (!value.isString() || bytes(value.stringValue()) > maxBytes)) {
			throw WeChatErrors.of(errcode);
		}
	}

	private static void required(JsonNode button, String field, WeChatErrorCode errcode) {
		if (text(button, field) == null) {
			throw WeChatErrors.of(errcode);
		}
	}

	private static String text(JsonNode button, String field) {
		JsonNode value = button.get(field);
		return (value != null && value.isString() && !value.stringValue().isBlank()) ? value.stringValue() : null;
	}

	private static int bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8).length;
	}

}

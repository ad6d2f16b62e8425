package io.wxhub.sandbox.message;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.media.MediaKind;
import io.wxhub.sandbox.media.MediaStore;
import io.wxhub.sandbox.wechat.WeChatErrors;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * WeChat's checks of a customer-service message per {@code msgtype}. Media named by
 * {@code media_id} must be this app's unexpired temporary media of the message's type;
 * {@code thumb_media_id} may be any of its media. {@code mpnews} names permanent
 * material, which the sandbox does not keep, so any non-blank id passes. Required fields
 * WeChat has no own errcode for get 40097.
 */
@Component
class CustomMessageValidator {

	private final MediaStore media;

	CustomMessageValidator(MediaStore media) {
		this.media = media;
	}

	/**
	 * @param appId the sending app
	 * @param message the request body
	 * @return its msgtype
	 * @throws WeChatException 40008 unknown msgtype, 44004 empty text, 44003 no article,
	 * 45008 more than one article, 40007 unknown media, 40097 missing field
	 */
	String validate(String appId, JsonNode message) {
		String msgtype = text(message, "msgtype");
		JsonNode content = message.path((msgtype != null) ? msgtype : "");
		switch ((msgtype != null) ? msgtype : "") {
			case "text" -> required(content, "content", WeChatErrorCode.EMPTY_CONTENT);
			case "image" -> media(appId, content, "media_id", MediaKind.IMAGE);
			case "voice" -> media(appId, content, "media_id", MediaKind.VOICE);
			case "video" -> {
				media(appId, content, "media_id", MediaKind.VIDEO);
				if (content.has("thumb_media_id")) {
					media(appId, content, "thumb_media_id", null);
				}
			}
			case "music" -> media(appId, content, "thumb_media_id", null);
			case "news" -> articles(content.path("articles"));
			case "mpnews" -> required(content, "media_id", WeChatErrorCode.INVALID_MEDIA_ID);
			case "mpnewsarticle" -> required(content, "article_id", WeChatErrorCode.INVALID_ARGS);
			case "msgmenu" -> menu(content.path("list"));
			case "miniprogrampage" -> {
				required(content, "appid", WeChatErrorCode.INVALID_ARGS);
				required(content, "pagepath", WeChatErrorCode.INVALID_ARGS);
				media(appId, content, "thumb_media_id", null);
			}
			case "wxcard" -> required(content, "card_id", WeChatErrorCode.INVALID_ARGS);
			default -> throw WeChatErrors.of(WeChatErrorCode.INVALID_MESSAGE_TYPE);
		}
		return msgtype;
	}

	/**
	 * @param node a JSON object, possibly missing
	 * @param field a field name
	 * @return the field's non-blank string value, else {@code null}
	 */
	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.stringValue().isBlank()) ? value.stringValue() : null;
	}

	private void media(String appId, JsonNode content, String field, MediaKind kind) {
		boolean known = this.media.find(appId, text(content, field))
			.filter((found) -> kind == null || found.kind() == kind)
			.isPresent();
		if (!known) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_MEDIA_ID);
		}
	}

	// news with external links: one article only since 2018
	private static void articles(JsonNode articles) {
		if (!articles.isArray() || articles.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.EMPTY_NEWS_DATA);
		}
		if (articles.size() > 1) {
			throw WeChatErrors.of(WeChatErrorCode.ARTICLE_SIZE_OUT_OF_LIMIT);
		}
	}

	private static void menu(JsonNode list) {
		if (!list.isArray() || list.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_ARGS);
		}
		list.forEach((item) -> {
			required(item, "id", WeChatErrorCode.INVALID_ARGS);
			required(item, "content", WeChatErrorCode.INVALID_ARGS);
		});
	}

	private static void required(JsonNode content, String field, WeChatErrorCode errcode) {
		if (text(content, field) == null) {
			throw WeChatErrors.of(errcode);
		}
	}

}

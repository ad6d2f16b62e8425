package io.wxhub.messageservice.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxhub.protocol.reply.Article;
import io.wxhub.protocol.reply.ImageReply;
import io.wxhub.protocol.reply.MusicReply;
import io.wxhub.protocol.reply.NewsReply;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.reply.VideoReply;
import io.wxhub.protocol.reply.VoiceReply;

/** A passive reply turned into the customer-service message that says the same. */
final class CustomerServiceMessages {

	private CustomerServiceMessages() {
	}

	/** The {@code message/custom/send} body, or null for a reply it cannot carry. */
	static Map<String, Object> of(String openid, Reply reply) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("touser", openid);
		message.put("msgtype", reply.msgType());
		Object content = content(reply);
		if (content == null) {
			return null;
		}
		message.put(reply.msgType(), content);
		return message;
	}

	private static Object content(Reply reply) {
		if (reply instanceof TextReply text) {
			return Map.of("content", text.content());
		}
		if (reply instanceof ImageReply image) {
			return Map.of("media_id", image.mediaId());
		}
		if (reply instanceof VoiceReply voice) {
			return Map.of("media_id", voice.mediaId());
		}
		if (reply instanceof VideoReply video) {
			return withoutNulls("media_id", video.mediaId(), "thumb_media_id", video.mediaId(), "title", video.title(),
					"description", video.description());
		}
		if (reply instanceof MusicReply music) {
			return withoutNulls("title", music.title(), "description", music.description(), "musicurl",
					music.musicUrl(), "hqmusicurl", music.hqMusicUrl(), "thumb_media_id", music.thumbMediaId());
		}
		if (reply instanceof NewsReply news) {
			// Customer-service news carries one article (45008 beyond).
			Article first = news.articles().get(0);
			return Map.of("articles", List.of(withoutNulls("title", first.title(), "description", first.description(),
					"url", first.url(), "picurl", first.picUrl())));
		}
		return null;
	}

	private static Map<String, Object> withoutNulls(String... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				map.put(pairs[i], pairs[i + 1]);
			}
		}
		return map;
	}

}

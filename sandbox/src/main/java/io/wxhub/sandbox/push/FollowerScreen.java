package io.wxhub.sandbox.push;

import java.util.List;
import java.util.stream.Collectors;

import io.wxhub.protocol.message.ImageMessage;
import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.LinkMessage;
import io.wxhub.protocol.message.LocationMessage;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.message.VoiceMessage;
import io.wxhub.protocol.reply.Article;
import io.wxhub.protocol.reply.MusicReply;
import io.wxhub.protocol.reply.NewsReply;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.reply.TransferCustomerServiceReply;
import io.wxhub.protocol.reply.VideoReply;

/**
 * One-line descriptions of what the follower sent and of what their screen shows.
 */
final class FollowerScreen {

	/** What WeChat shows when the account did not answer in time or answered nonsense. */
	static final String UNAVAILABLE = "该公众号暂时无法提供服务，请稍后再试";

	private FollowerScreen() {
	}

	/**
	 * @param message what the follower sent
	 * @return the text itself, or the type in brackets and its main value
	 */
	static String summary(InboundMessage message) {
		if (message instanceof TextMessage text) {
			return text.content();
		}
		if (message instanceof InboundEvent event) {
			return bracketed(event.event(), event.eventKey());
		}
		if (message instanceof ImageMessage image) {
			return bracketed(image.msgType(), image.picUrl());
		}
		if (message instanceof VoiceMessage voice) {
			return bracketed(voice.msgType(), voice.recognition());
		}
		if (message instanceof LocationMessage location) {
			return bracketed(location.msgType(),
					location.label() + " (" + location.latitude() + ", " + location.longitude() + ")");
		}
		if (message instanceof LinkMessage link) {
			return bracketed(link.msgType(), link.title() + " " + link.url());
		}
		return bracketed(message.msgType(), null);
	}

	/**
	 * @param reply a valid passive reply
	 * @param toMessage whether it answers an ordinary message, after which WeChat shows
	 * only the first article of a news reply
	 * @return the text, or the type in brackets and its titles; {@code null} when the
	 * reply hands the follower to customer service, which shows nothing
	 */
	static String shown(Reply reply, boolean toMessage) {
		if (reply instanceof TextReply text) {
			return text.content();
		}
		if (reply instanceof NewsReply news) {
			List<Article> articles = toMessage ? news.articles().subList(0, 1) : news.articles();
			return bracketed(news.msgType(),
					articles.stream()
						.map((article) -> (article.title() != null) ? article.title() : "")
						.collect(Collectors.joining(" | ")));
		}
		if (reply instanceof VideoReply video) {
			return bracketed(video.msgType(), video.title());
		}
		if (reply instanceof MusicReply music) {
			return bracketed(music.msgType(), music.title());
		}
		if (reply instanceof TransferCustomerServiceReply) {
			return null;
		}
		return bracketed(reply.msgType(), null);
	}

	private static String bracketed(String type, String detail) {
		return "[" + type + "]" + ((detail != null && !detail.isBlank()) ? " " + detail : "");
	}

}

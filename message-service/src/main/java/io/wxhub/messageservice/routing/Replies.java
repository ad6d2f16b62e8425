package io.wxhub.messageservice.routing;

import java.util.List;
import java.util.function.UnaryOperator;

import io.wxhub.messageservice.routing.ReplyTemplate.ArticleTemplate;
import io.wxhub.protocol.reply.Article;
import io.wxhub.protocol.reply.ImageReply;
import io.wxhub.protocol.reply.MusicReply;
import io.wxhub.protocol.reply.NewsReply;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.reply.VideoReply;
import io.wxhub.protocol.reply.VoiceReply;

/** Turns a {@link ReplyTemplate} into a passive reply, filling its texts. */
final class Replies {

	private Replies() {
	}

	/** The reply; {@link IllegalArgumentException} when the template is incomplete. */
	static Reply from(ReplyTemplate template, UnaryOperator<String> fill) {
		String type = (template.msgType() != null) ? template.msgType() : "";
		return switch (type) {
			case TextReply.TYPE -> new TextReply(required(fill.apply(template.content()), "content"));
			case ImageReply.TYPE -> new ImageReply(required(fill.apply(template.mediaId()), "mediaId"));
			case VoiceReply.TYPE -> new VoiceReply(required(fill.apply(template.mediaId()), "mediaId"));
			case VideoReply.TYPE -> new VideoReply(required(fill.apply(template.mediaId()), "mediaId"),
					fill.apply(template.title()), fill.apply(template.description()));
			case MusicReply.TYPE -> new MusicReply(fill.apply(template.title()), fill.apply(template.description()),
					fill.apply(template.musicUrl()), fill.apply(template.hqMusicUrl()),
					required(fill.apply(template.thumbMediaId()), "thumbMediaId"));
			case NewsReply.TYPE -> new NewsReply(articles(template.articles(), fill));
			default -> throw new IllegalArgumentException("Unknown reply type '" + type + "'");
		};
	}

	private static List<Article> articles(List<ArticleTemplate> templates, UnaryOperator<String> fill) {
		if (templates == null || templates.isEmpty()) {
			throw new IllegalArgumentException("A news reply needs articles");
		}
		return templates.stream()
			.map((a) -> new Article(fill.apply(a.title()), fill.apply(a.description()), fill.apply(a.picUrl()),
					fill.apply(a.url())))
			.toList();
	}

	private static String required(String value, String name) {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("The reply needs " + name);
		}
		return value;
	}

}

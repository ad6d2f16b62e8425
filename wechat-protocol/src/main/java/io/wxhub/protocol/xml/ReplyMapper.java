package io.wxhub.protocol.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.reply.Article;
import io.wxhub.protocol.reply.ImageReply;
import io.wxhub.protocol.reply.MusicReply;
import io.wxhub.protocol.reply.NewsReply;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.ReplyEnvelope;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.reply.TransferCustomerServiceReply;
import io.wxhub.protocol.reply.VideoReply;
import io.wxhub.protocol.reply.VoiceReply;
import io.wxhub.protocol.xml.MalformedMessageException.Reason;

/**
 * Maps passive replies to element paths and back.
 */
final class ReplyMapper {

	private ReplyMapper() {
	}

	static Map<String, String> toFields(MessageHeader header, Reply reply) {
		Map<String, String> out = new LinkedHashMap<>();
		out.put("ToUserName", header.toUserName());
		out.put("FromUserName", header.fromUserName());
		out.put("CreateTime", Long.toString(header.createTime()));
		out.put("MsgType", reply.msgType());
		if (reply instanceof TextReply text) {
			out.put("Content", text.content());
		}
		else if (reply instanceof ImageReply image) {
			out.put("Image.MediaId", image.mediaId());
		}
		else if (reply instanceof VoiceReply voice) {
			out.put("Voice.MediaId", voice.mediaId());
		}
		else if (reply instanceof VideoReply video) {
			put(out, "Video.", "MediaId", video.mediaId(), "Title", video.title(), "Description", video.description());
		}
		else if (reply instanceof MusicReply music) {
			put(out, "Music.", "Title", music.title(), "Description", music.description(), "MusicUrl", music.musicUrl(),
					"HQMusicUrl", music.hqMusicUrl(), "ThumbMediaId", music.thumbMediaId());
		}
		else if (reply instanceof NewsReply news) {
			out.put("ArticleCount", Integer.toString(news.articles().size()));
			for (int i = 0; i < news.articles().size(); i++) {
				Article article = news.articles().get(i);
				// WeChat's samples write all four elements, empty if unset.
				put(out, "Articles.item[" + i + "].", "Title", orEmpty(article.title()), "Description",
						orEmpty(article.description()), "PicUrl", orEmpty(article.picUrl()), "Url",
						orEmpty(article.url()));
			}
		}
		else if (reply instanceof TransferCustomerServiceReply transfer) {
			put(out, "TransInfo.", "KfAccount", transfer.kfAccount());
		}
		return out;
	}

	static ReplyEnvelope toReply(Map<String, String> fields) {
		FieldReader in = new FieldReader(fields);
		MessageHeader header = in.header();
		String type = in.required("MsgType");
		Reply reply = switch (type) {
			case TextReply.TYPE -> new TextReply(in.required("Content"));
			case ImageReply.TYPE -> new ImageReply(in.required("Image.MediaId"));
			case VoiceReply.TYPE -> new VoiceReply(in.required("Voice.MediaId"));
			case VideoReply.TYPE -> new VideoReply(in.required("Video.MediaId"), in.optional("Video.Title"),
					in.optional("Video.Description"));
			case MusicReply.TYPE -> new MusicReply(in.optional("Music.Title"), in.optional("Music.Description"),
					in.optional("Music.MusicUrl"), in.optional("Music.HQMusicUrl"), in.required("Music.ThumbMediaId"));
			case NewsReply.TYPE -> toNews(in);
			case TransferCustomerServiceReply.TYPE ->
				new TransferCustomerServiceReply(in.optional("TransInfo.KfAccount"));
			default -> throw new MalformedMessageException(Reason.INVALID_FIELD, "Unknown reply <MsgType>");
		};
		return new ReplyEnvelope(header, reply);
	}

	private static NewsReply toNews(FieldReader in) {
		in.required("ArticleCount");
		int count = in.intOrZero("ArticleCount");
		List<Article> articles = new ArrayList<>();
		for (int i = 0; hasItem(in.fields(), "Articles.item[" + i + "]."); i++) {
			String item = "Articles.item[" + i + "].";
			articles.add(new Article(in.optional(item + "Title"), in.optional(item + "Description"),
					in.optional(item + "PicUrl"), in.optional(item + "Url")));
		}
		if (articles.size() != count || count < 1 || count > NewsReply.MAX_ARTICLES) {
			throw new MalformedMessageException(Reason.INVALID_FIELD,
					"<ArticleCount> must match the 1 to " + NewsReply.MAX_ARTICLES + " articles present");
		}
		return new NewsReply(articles);
	}

	private static boolean hasItem(Map<String, String> fields, String prefix) {
		return fields.keySet().stream().anyMatch((name) -> name.startsWith(prefix));
	}

	private static void put(Map<String, String> out, String prefix, String... namesAndValues) {
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				out.put(prefix + namesAndValues[i], namesAndValues[i + 1]);
			}
		}
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}

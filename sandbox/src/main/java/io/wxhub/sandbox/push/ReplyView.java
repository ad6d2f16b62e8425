package io.wxhub.sandbox.push;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import io.wxhub.protocol.reply.Article;
import io.wxhub.protocol.reply.ImageReply;
import io.wxhub.protocol.reply.MusicReply;
import io.wxhub.protocol.reply.NewsReply;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.reply.TransferCustomerServiceReply;
import io.wxhub.protocol.reply.VideoReply;
import io.wxhub.protocol.reply.VoiceReply;

/**
 * A passive reply as JSON; only the fields of its type are present.
 *
 * @param msgType {@code MsgType}
 * @param content the text of a text reply
 * @param mediaId the media of an image, voice or video reply
 * @param title of a video or music reply
 * @param description of a video or music reply
 * @param musicUrl of a music reply
 * @param hqMusicUrl of a music reply
 * @param thumbMediaId of a music reply
 * @param articles of a news reply, all of them as received
 * @param kfAccount the agent of a {@code transfer_customer_service} reply, if named
 */
@JsonInclude(Include.NON_NULL)
record ReplyView(String msgType, String content, String mediaId, String title, String description, String musicUrl,
		String hqMusicUrl, String thumbMediaId, List<Article> articles, String kfAccount) {

	static ReplyView of(Reply reply) {
		if (reply instanceof TextReply text) {
			return new ReplyView(text.msgType(), text.content(), null, null, null, null, null, null, null, null);
		}
		if (reply instanceof ImageReply image) {
			return new ReplyView(image.msgType(), null, image.mediaId(), null, null, null, null, null, null, null);
		}
		if (reply instanceof VoiceReply voice) {
			return new ReplyView(voice.msgType(), null, voice.mediaId(), null, null, null, null, null, null, null);
		}
		if (reply instanceof VideoReply video) {
			return new ReplyView(video.msgType(), null, video.mediaId(), video.title(), video.description(), null, null,
					null, null, null);
		}
		if (reply instanceof MusicReply music) {
			return new ReplyView(music.msgType(), null, null, music.title(), music.description(), music.musicUrl(),
					music.hqMusicUrl(), music.thumbMediaId(), null, null);
		}
		if (reply instanceof NewsReply news) {
			return new ReplyView(news.msgType(), null, null, null, null, null, null, null, news.articles(), null);
		}
		TransferCustomerServiceReply transfer = (TransferCustomerServiceReply) reply;
		return new ReplyView(transfer.msgType(), null, null, null, null, null, null, null, null, transfer.kfAccount());
	}

}

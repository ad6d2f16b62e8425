package io.wxhub.protocol.xml;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.wxhub.protocol.TestVectors;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Rendering passive replies and parsing them back.
 */
class XmlCodecReplyTests {

	private static final MessageHeader HEADER = new MessageHeader("toUser", "fromUser", 12345678L);

	private final XmlCodec codec = new XmlCodec();

	static Stream<Reply> replies() {
		return Stream.of(new TextReply("你好"), new TextReply("x]]>y"), new ImageReply("media"), new VoiceReply("media"),
				new VideoReply("media", "title", "description"), new VideoReply("media", null, null),
				new MusicReply("title", "description", "http://music", "http://hq", "thumb"),
				new MusicReply(null, null, null, null, "thumb"),
				NewsReply.of(new Article("title", "description", "http://pic", "http://url")),
				new NewsReply(Collections.nCopies(8, new Article("t", null, null, "http://url"))),
				new TransferCustomerServiceReply(null), new TransferCustomerServiceReply("test1@test"));
	}

	@ParameterizedTest
	@MethodSource("replies")
	void everyReplyTypeRoundTrips(Reply reply) {
		String xml = this.codec.renderReply(HEADER, reply);
		assertThat(this.codec.parseReply(xml)).isEqualTo(new ReplyEnvelope(HEADER, reply));
		assertThat(xml).contains("<MsgType><![CDATA[" + reply.msgType() + "]]></MsgType>");
	}

	@Test
	void rendersOfficialTextExample() {
		assertThat(this.codec.renderReply(HEADER, new TextReply("你好"))).isEqualTo("""
				<xml>
				<ToUserName><![CDATA[toUser]]></ToUserName>
				<FromUserName><![CDATA[fromUser]]></FromUserName>
				<CreateTime>12345678</CreateTime>
				<MsgType><![CDATA[text]]></MsgType>
				<Content><![CDATA[你好]]></Content>
				</xml>""");
	}

	@Test
	void rendersMediaAndNewsShapes() {
		assertThat(this.codec.renderReply(HEADER, new ImageReply("m1")))
			.contains("\n<Image><MediaId><![CDATA[m1]]></MediaId></Image>\n");
		assertThat(this.codec.renderReply(new ReplyEnvelope(HEADER, new MusicReply("t", "d", "u", "hq", "th"))))
			.contains("\n<Music><Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description>"
					+ "<MusicUrl><![CDATA[u]]></MusicUrl><HQMusicUrl><![CDATA[hq]]></HQMusicUrl>"
					+ "<ThumbMediaId><![CDATA[th]]></ThumbMediaId></Music>\n");
		String news = this.codec.renderReply(HEADER,
				NewsReply.of(new Article("t1", "d1", "p1", "u1"), new Article("t2", null, null, "u2")));
		assertThat(news).contains("\n<ArticleCount>2</ArticleCount>\n<Articles><item><Title><![CDATA[t1]]></Title>"
				+ "<Description><![CDATA[d1]]></Description><PicUrl><![CDATA[p1]]></PicUrl><Url><![CDATA[u1]]></Url>"
				+ "</item><item><Title><![CDATA[t2]]></Title><Description><![CDATA[]]></Description>"
				+ "<PicUrl><![CDATA[]]></PicUrl><Url><![CDATA[u2]]></Url></item></Articles>\n");
	}

	@Test
	void replyHeaderSwapsTheInboundAddresses() {
		MessageHeader inbound = new MessageHeader("gh_account", "openid", 1L);
		assertThat(inbound.reply(2L)).isEqualTo(new MessageHeader("openid", "gh_account", 2L));
	}

	@Test
	void parsesWxJavaVideoReplyVector() {
		ReplyEnvelope envelope = this.codec.parseReply(TestVectors.ENC2_PLAINTEXT_B);
		assertThat(envelope.header())
			.isEqualTo(new MessageHeader("oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw", "gh_7f083739789a", 1407743423L));
		assertThat(envelope.reply())
			.isEqualTo(new VideoReply("eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0",
					"testCallBackReplyVideo", "testCallBackReplyVideo"));
	}

	@Test
	void rejectsMalformedReplies() {
		String text = this.codec.renderReply(HEADER, new TextReply("x"));
		assertRejected(text.replace("[text]", "[hologram]"), Reason.INVALID_FIELD);
		assertRejected(text.replace("<Content><![CDATA[x]]></Content>", ""), Reason.MISSING_FIELD);
		assertRejected(
				this.codec.renderReply(HEADER, new ImageReply("m")).replace("<MediaId><![CDATA[m]]></MediaId>", ""),
				Reason.MISSING_FIELD);
		String news = this.codec.renderReply(HEADER, NewsReply.of(new Article("t", "d", "p", "u")));
		assertRejected(news.replace("<ArticleCount>1", "<ArticleCount>2"), Reason.INVALID_FIELD);
		assertRejected(news.replace("<ArticleCount>1", "<ArticleCount>4294967297"), Reason.INVALID_FIELD);
		assertRejected(news.replace("<ArticleCount>1</ArticleCount>", ""), Reason.MISSING_FIELD);
	}

	@Test
	void newsReplyNeedsOneToEightArticles() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NewsReply(List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NewsReply(Collections.nCopies(9, new Article("t", null, null, null))));
	}

	private void assertRejected(String xml, Reason reason) {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.parseReply(xml))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

}

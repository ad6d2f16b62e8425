package io.wxhub.sandbox.push;

import java.util.Map;

import io.wxhub.protocol.reply.Article;
import io.wxhub.protocol.reply.ImageReply;
import io.wxhub.protocol.reply.MusicReply;
import io.wxhub.protocol.reply.NewsReply;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.xml.XmlCodec;
import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the sandbox reads the callback's answer: verified, decrypted, shown to the
 * follower, or refused with WeChat's "unavailable" notice.
 */
class PassiveReplyTests extends PushTestSupport {

	private static final Map<String, String> TEXT = Map.of("msgType", "text", "content", "你好");

	private static final Map<String, String> CLICK = Map.of("msgType", "event", "event", "CLICK", "eventKey", "K");

	@Test
	void encryptedRepliesAreVerifiedAndDecrypted() {
		SERVER.script(Answers.reply(new TextReply("收到 <ok> ]]> & 再见")));
		String openid = follower(SAFE, 1);
		JsonNode result = send(SAFE, openid, TEXT).json();
		assertThat(result.path("outcome").asString()).isEqualTo("reply");
		assertThat(result.path("reply").path("msgType").asString()).isEqualTo("text");
		assertThat(result.path("reply").path("content").asString()).isEqualTo("收到 <ok> ]]> & 再见");
		assertThat(result.path("shown").asString()).isEqualTo("收到 <ok> ]]> & 再见");
		String responseBody = result.path("responseBody").asString();
		assertThat(new XmlCodec().parseFields(responseBody)).containsOnlyKeys("Encrypt", "MsgSignature", "TimeStamp",
				"Nonce");
		String rawReply = result.path("rawReply").asString();
		assertThat(new XmlCodec().parseReply(rawReply).header().toUserName()).isEqualTo(openid);
		assertThat(rawReply).contains("<FromUserName><![CDATA[" + SAFE.originalId() + "]]></FromUserName>");
	}

	@Test
	void repliesOfEveryKindAreDescribed() {
		SERVER.script(Answers.reply(new MusicReply("歌", "描述", "http://m/a.mp3", "http://m/hq.mp3", "thumb1")),
				Answers.reply(new ImageReply("img1")),
				Answers.reply(NewsReply.of(new Article("A", "a", "http://p/a.jpg", "http://a"),
						new Article("B", "b", "http://p/b.jpg", "http://b"))),
				Answers.reply(NewsReply.of(new Article("A", "a", "http://p/a.jpg", "http://a"),
						new Article("B", "b", "http://p/b.jpg", "http://b"))));
		JsonNode music = send(COMPATIBLE, follower(COMPATIBLE, 1), TEXT).json();
		assertThat(music.path("reply").path("msgType").asString()).isEqualTo("music");
		assertThat(music.path("reply").path("hqMusicUrl").asString()).isEqualTo("http://m/hq.mp3");
		assertThat(music.path("reply").path("thumbMediaId").asString()).isEqualTo("thumb1");
		assertThat(music.path("reply").has("content")).isFalse();
		assertThat(music.path("shown").asString()).isEqualTo("[music] 歌");
		JsonNode image = send(PLAIN, follower(PLAIN, 1), TEXT).json();
		assertThat(image.path("reply").path("mediaId").asString()).isEqualTo("img1");
		assertThat(image.path("shown").asString()).isEqualTo("[image]");
		assertThat(image.path("rawReply").asString()).isEqualTo(image.path("responseBody").asString());
		// after a message WeChat shows one article only; after an event up to eight
		JsonNode afterMessage = send(SAFE, follower(SAFE, 1), TEXT).json();
		assertThat(afterMessage.path("reply").path("articles").size()).isEqualTo(2);
		assertThat(afterMessage.path("reply").path("articles").get(1).path("picUrl").asString())
			.isEqualTo("http://p/b.jpg");
		assertThat(afterMessage.path("shown").asString()).isEqualTo("[news] A");
		assertThat(send(SAFE, follower(SAFE, 1), CLICK).json().path("shown").asString()).isEqualTo("[news] A | B");
	}

	@Test
	void compatibleModeAlsoTakesPlaintextRepliesSafeModeDoesNot() {
		SERVER.script(Answers.plainReply(new TextReply("plain")), Answers.plainReply(new TextReply("plain")));
		JsonNode compatible = send(COMPATIBLE, follower(COMPATIBLE, 1), TEXT).json();
		assertThat(compatible.path("outcome").asString()).isEqualTo("reply");
		assertThat(compatible.path("shown").asString()).isEqualTo("plain");
		JsonNode safe = send(SAFE, follower(SAFE, 1), TEXT).json();
		assertUnavailable(safe, 1);
		assertThat(safe.path("responseBody").asString()).contains("<Content><![CDATA[plain]]></Content>");
	}

	@Test
	void invalidAnswersMakeTheAccountUnavailableWithoutRetry() {
		SERVER.script(Answers.badSignature(new TextReply("x")), Answers.otherAppId(new TextReply("x")),
				Answers.replyTo("oSomeoneElse", new TextReply("x")), Answers.body(200, "{\"errcode\":0}"),
				Answers.body(200, "success\n"), Answers.reply(new TextReply("x")));
		for (int i = 0; i < 5; i++) {
			assertUnavailable(send(SAFE, follower(SAFE, 1), TEXT).json(), 1);
		}
		assertThat(SERVER.received()).hasSize(5);
		JsonNode json = send(PLAIN, follower(PLAIN, 1), TEXT).json();
		assertThat(json.path("outcome").asString()).isEqualTo("reply");
		SERVER.script(Answers.body(200, "{\"errcode\":0}"));
		JsonNode plainJson = send(PLAIN, follower(PLAIN, 1), TEXT).json();
		assertUnavailable(plainJson, 1);
		assertThat(plainJson.path("responseBody").asString()).isEqualTo("{\"errcode\":0}");
		assertThat(plainJson.path("rawReply").isNull()).isTrue();
	}

	@Test
	void emptyAndSuccessShowNothing() {
		SERVER.script(Answers.body(200, ""), Answers.body(200, "success"), Answers.body(204, ""));
		for (CallbackAccount account : new CallbackAccount[] { SAFE, COMPATIBLE, PLAIN }) {
			Reply reply = send(account, follower(account, 1), TEXT);
			JsonNode json = reply.json();
			assertThat(json.path("outcome").asString()).as(reply.body()).isEqualTo("empty");
			assertThat(json.path("reply").isNull()).isTrue();
			assertThat(json.path("rawReply").isNull()).isTrue();
			assertThat(json.path("shown").isNull()).isTrue();
			assertThat(json.has("responseBody")).isTrue();
		}
		assertThat(this.http.get("/sandbox/apps/{app}/conversations/{openid}", SAFE.appId(), follower(SAFE, 1))
			.json()
			.size()).isEqualTo(1);
	}

	private static void assertUnavailable(JsonNode result, int attempts) {
		assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("unavailable");
		assertThat(result.path("attempts").asInt()).isEqualTo(attempts);
		assertThat(result.path("shown").asString()).isEqualTo(UNAVAILABLE);
		assertThat(result.path("reply").isNull()).isTrue();
		assertThat(result.path("problem").asString()).startsWith("invalid reply");
	}

}

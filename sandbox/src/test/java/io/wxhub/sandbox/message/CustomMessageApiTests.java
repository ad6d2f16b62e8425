package io.wxhub.sandbox.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp;
import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.follower.Interaction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class CustomMessageApiTests extends CustomMessageTestSupport {

	@Autowired
	private MessageLog log;

	@Test
	void sendsEveryMsgtypeAndRecordsIt() {
		this.followers.recordInteraction(APP, this.openid, Interaction.PAYMENT, this.clock.instant());
		String image = upload("image");
		String voice = upload("voice");
		String video = upload("video");
		String thumb = upload("thumb");
		List<Map<String, Object>> bodies = List.of(message("text", Map.of("content", "你好 sandbox")),
				message("image", Map.of("media_id", image)), message("voice", Map.of("media_id", voice)),
				message("video", Map.of("media_id", video, "thumb_media_id", thumb, "title", "T", "description", "D")),
				message("music",
						Map.of("title", "T", "musicurl", "http://m", "hqmusicurl", "http://h", "thumb_media_id",
								thumb)),
				message("news", Map.of("articles", List.of(Map.of("title", "Happy Day", "url", "URL")))),
				message("mpnews", Map.of("media_id", "PERMANENT_NEWS_ID")),
				message("mpnewsarticle", Map.of("article_id", "ARTICLE_ID")),
				message("msgmenu",
						Map.of("head_content", "h", "list", List.of(Map.of("id", "101", "content", "yes")),
								"tail_content", "t")),
				message("miniprogrampage",
						Map.of("title", "t", "appid", "wxa", "pagepath", "pages/index", "thumb_media_id", thumb)),
				message("wxcard", Map.of("card_id", "CARD_ID")));
		for (Map<String, Object> body : bodies) {
			Reply reply = send(body);
			assertThat(reply.body()).as("%s", body).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
		}
		JsonNode recorded = this.http.get("/sandbox/apps/{app}/messages?openid={o}", APP, this.openid).json();
		assertThat(recorded.size()).isEqualTo(bodies.size());
		for (int i = 0; i < bodies.size(); i++) {
			JsonNode message = recorded.get(i);
			assertThat(message.path("openid").asString()).isEqualTo(this.openid);
			assertThat(message.path("msgtype").asString()).isEqualTo(bodies.get(i).get("msgtype"));
			assertThat(message.path("body")).isEqualTo(JsonMapper.shared().valueToTree(bodies.get(i)));
			assertThat(Instant.parse(message.path("receivedAt").asString())).isEqualTo(this.clock.instant());
			assertThat(message.has("msgid")).isFalse();
		}
		assertThat(this.log.messages(APP, this.openid)).hasSize(bodies.size());
		assertThat(this.log.messages(APP, demoFollower(APP, 2))).isEmpty();
		assertThat(this.http.get("/sandbox/apps/{app}/messages", APP2).json().size()).isZero();
	}

	@Test
	void contentIsChecked() {
		assertThat(send(message("sticker", Map.of("id", "1"))).errcode()).isEqualTo(40008);
		assertThat(send(Map.of("touser", this.openid)).errcode()).isEqualTo(40008);
		Reply empty = send(text(" "));
		assertThat(empty.errcode()).isEqualTo(44004);
		assertThat(empty.errmsg()).matches("empty content" + RID);
		assertThat(send(message("text", Map.of())).errcode()).isEqualTo(44004);
		assertThat(send(message("news", Map.of("articles", List.of()))).errcode()).isEqualTo(44003);
		Map<String, String> article = Map.of("title", "t", "url", "u");
		Reply twoArticles = send(message("news", Map.of("articles", List.of(article, article))));
		assertThat(twoArticles.errcode()).isEqualTo(45008);
		assertThat(twoArticles.errmsg()).matches("article size out of limit" + RID);
		assertThat(send(message("mpnews", Map.of())).errcode()).isEqualTo(40007);
		assertThat(send(message("wxcard", Map.of())).errcode()).isEqualTo(40097);
		assertThat(send(message("msgmenu", Map.of("list", List.of()))).errcode()).isEqualTo(40097);
		assertThat(send("not json").errcode()).isEqualTo(47001);
		assertThat(this.http.post("/cgi-bin/message/custom/send?access_token={t}", null, this.token).errcode())
			.isEqualTo(44002);
		assertThat(this.http.get("/sandbox/apps/{app}/messages", APP).json().size()).isZero();
	}

	@Test
	void mediaMustExistWithTheRightType() {
		Reply unknown = send(message("image", Map.of("media_id", "NO_SUCH_MEDIA")));
		assertThat(unknown.errcode()).isEqualTo(40007);
		assertThat(unknown.errmsg()).isEqualTo("invalid media_id");
		String voice = upload("voice");
		assertThat(send(message("image", Map.of("media_id", voice))).errcode()).isEqualTo(40007);
		assertThat(send(message("music", Map.of("title", "t"))).errcode()).isEqualTo(40007);
		assertThat(send(message("miniprogrampage", Map.of("appid", "wxa", "pagepath", "p", "thumb_media_id", "x")))
			.errcode()).isEqualTo(40007);
		assertThat(send(message("voice", Map.of("media_id", voice))).errcode()).isZero();
		later(Duration.ofDays(3));
		wroteNow(this.openid);
		assertThat(send(message("voice", Map.of("media_id", voice))).errcode()).isEqualTo(40007);
		String otherApps = upload(token(APP2, SECRET2).text("access_token"), "image");
		assertThat(send(message("image", Map.of("media_id", otherApps))).errcode()).isEqualTo(40007);
	}

	@Test
	void needsAToken() {
		assertThat(this.http.post("/cgi-bin/message/custom/send", text("hi")).errcode()).isEqualTo(41001);
		assertThat(this.http.post("/cgi-bin/message/custom/send?access_token=SBX_nope", text("hi")).errcode())
			.isEqualTo(40001);
	}

	private Map<String, Object> message(String msgtype, Map<String, ?> content) {
		return Map.of("touser", this.openid, "msgtype", msgtype, msgtype, content);
	}

	private String upload(String type) {
		return upload(this.token, type);
	}

	private String upload(String token, String type) {
		Reply reply = this.http.upload("/cgi-bin/media/upload?access_token={t}&type={type}",
				SandboxHttp.media("file.bin", "application/octet-stream", new byte[] { 1, 2, 3 }), token, type);
		assertThat(reply.text("media_id")).as(reply.body()).isNotNull();
		return reply.text("media_id");
	}

}

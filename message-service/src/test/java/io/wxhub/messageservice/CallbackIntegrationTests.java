package io.wxhub.messageservice;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.wxhub.protocol.message.ImageMessage;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.SubscribeEvent;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.reply.ImageReply;
import io.wxhub.protocol.reply.NewsReply;
import io.wxhub.protocol.reply.ReplyEnvelope;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.signature.Nonces;
import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One message-service replica, pushed to directly as WeChat signs and encrypts: the three
 * modes, the demo rules, dedup, and everything it must refuse without a 5xx.
 */
class CallbackIntegrationTests {

	static final String PLAIN_APP = "wx0000000000plain1";

	static final String COMPAT_APP = "wx00000000compat01";

	static final String SAFE_APP = "wx000000000safe001";

	static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final String PREFIX = TestRedis.newPrefix("message-service");

	private static ConfigurableApplicationContext service;

	private static Pushes plain;

	private static Pushes compatible;

	private static Pushes safe;

	@BeforeAll
	static void start() {
		service = MessageServiceApplication.builder()
			.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
					"--message-service.redis-prefix=" + PREFIX, "--message-service.api-proxy.url=http://127.0.0.1:9",
					"--message-service.api-proxy.client-key=unused-client-key",
					"--message-service.apps[0].app-id=" + PLAIN_APP, "--message-service.apps[0].original-id=gh_plain",
					"--message-service.apps[0].token=tokenplain", "--message-service.apps[0].mode=plain",
					"--message-service.apps[1].app-id=" + COMPAT_APP, "--message-service.apps[1].original-id=gh_compat",
					"--message-service.apps[1].token=tokencompat", "--message-service.apps[1].aes-key=" + KEY,
					"--message-service.apps[1].mode=compatible", "--message-service.apps[2].app-id=" + SAFE_APP,
					"--message-service.apps[2].original-id=gh_safe", "--message-service.apps[2].token=tokensafe",
					"--message-service.apps[2].aes-key=" + KEY, "--message-service.apps[2].mode=safe");
		String url = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
		plain = new Pushes(url, PLAIN_APP, "tokenplain", null);
		compatible = new Pushes(url, COMPAT_APP, "tokencompat", KEY);
		safe = new Pushes(url, SAFE_APP, "tokensafe", KEY);
	}

	@AfterAll
	static void stop() {
		service.close();
		TestRedis.deleteKeys(PREFIX);
	}

	@Test
	void urlVerificationEchoesOnlyWithTheRightSignature() {
		HttpResponse<String> ok = safe.verifyUrl("4375120948345356249", true);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("4375120948345356249");
		assertThat(safe.verifyUrl("4375120948345356249", false).statusCode()).isEqualTo(403);
	}

	@Test
	void plainModeAnswersTheDemoRules() {
		ReplyEnvelope weibo = Pushes.CODEC.parseReply(plain.plain(text("gh_plain", "微博")).body());
		assertThat(weibo.header().toUserName()).isEqualTo("oFollower");
		assertThat(weibo.header().fromUserName()).isEqualTo("gh_plain");
		assertThat(((NewsReply) weibo.reply()).articles()).singleElement()
			.satisfies((article) -> assertThat(article.url()).contains("weibo.com"));

		NewsReply welcome = (NewsReply) Pushes.CODEC.parseReply(plain.plain(text("gh_plain", "你好")).body()).reply();
		assertThat(welcome.articles()).hasSize(2);
		assertThat(welcome.articles().get(0).description()).contains("你好");

		ImageMessage image = new ImageMessage(header("gh_plain"), "http://pic/1.jpg", "MEDIA_123",
				MSG_IDS.incrementAndGet());
		assertThat(Pushes.CODEC.parseReply(plain.plain(image).body()).reply()).isEqualTo(new ImageReply("MEDIA_123"));

		SubscribeEvent subscribe = new SubscribeEvent(header("gh_plain"), null, null);
		assertThat(Pushes.CODEC.parseReply(plain.plain(subscribe).body()).reply())
			.isEqualTo(new TextReply("Hi~ 终于等到你"));
	}

	@Test
	void safeModeDecryptsAndAnswersEncrypted() {
		HttpResponse<String> response = safe.encrypted(text("gh_safe", "微博"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<Encrypt>").contains("<MsgSignature>").doesNotContain("weibo.com");
		ReplyEnvelope reply = safe.secure().decryptReply(response.body());
		assertThat(reply.reply()).isInstanceOf(NewsReply.class);
	}

	@Test
	void compatibleModeAnswersInKind() {
		assertThat(compatible.encrypted(text("gh_compat", "微博")).body()).contains("<Encrypt>");
		String plainAnswer = compatible.plain(text("gh_compat", "微博")).body();
		assertThat(plainAnswer).doesNotContain("<Encrypt>").contains("weibo.com");
	}

	@Test
	void aPlainPushToASafeModeAppIsRefused() {
		assertThat(safe.plain(text("gh_safe", "微博")).statusCode()).isEqualTo(403);
	}

	@Test
	void retriesOfTheSameMessageGetIdenticalBytes() {
		TextMessage message = text("gh_safe", "你好");
		String first = safe.encrypted(message).body();
		String retry = safe.encrypted(message).body();
		assertThat(retry).isEqualTo(first);
		assertThat(safe.secure().decryptReply(retry).reply()).isInstanceOf(NewsReply.class);
	}

	@Test
	void badSignaturesAndReplayedTimestampsAre403() {
		String body = Pushes.CODEC.renderMessage(text("gh_plain", "hi"));
		String ts = Pushes.now();
		assertThat(plain.post("signature=" + "0".repeat(40) + "&timestamp=" + ts + "&nonce=1", body).statusCode())
			.isEqualTo(403);
		assertThat(plain.post("timestamp=" + ts + "&nonce=1", body).statusCode()).isEqualTo(403);
		String old = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());
		String nonce = Nonces.next();
		assertThat(plain
			.post("signature=" + WeChatSignature.sign("tokenplain", old, nonce) + "&timestamp=" + old + "&nonce="
					+ nonce, body)
			.statusCode()).isEqualTo(403);
		// A correct signature over a wrong msg_signature.
		String query = safe.query(ts, nonce) + "&encrypt_type=aes&msg_signature=" + "0".repeat(40);
		String encrypted = safe.secure().encryptMessage(text("gh_safe", "hi"), ts, nonce).body();
		assertThat(safe.post(query, encrypted).statusCode()).isEqualTo(403);
	}

	@Test
	void hostileBodiesAre4xxAndTheServiceStaysHealthy() {
		assertThat(plain.plainBody("not xml at all").statusCode()).isEqualTo(400);
		assertThat(plain.plainBody("").statusCode()).isEqualTo(400);
		assertThat(plain
			.plainBody("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
					+ "<xml><ToUserName>gh_plain</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime>"
					+ "<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>")
			.statusCode()).isEqualTo(400);
		StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		for (int i = 1; i < 10; i++) {
			laughs.append("<!ENTITY lol")
				.append(i)
				.append(" \"")
				.append(("&lol" + (i - 1 == 0 ? "" : i - 1) + ";").repeat(10))
				.append("\">");
		}
		laughs.append("]><xml><Content>&lol9;</Content></xml>");
		assertThat(plain.plainBody(laughs.toString()).statusCode()).isEqualTo(400);
		assertThat(plain.plainBody("<xml><ToUserName>gh_plain</ToUserName></xml>").statusCode()).isEqualTo(400);
		assertThat(plain.plainBody("<xml>" + "<a>x</a>".repeat(150_000) + "</xml>").statusCode()).isEqualTo(413);
		// Wrong account: the message is addressed to someone else.
		assertThat(plain.plain(text("gh_someone_else", "hi")).statusCode()).isEqualTo(400);
		// Broken ciphertext under a valid msg_signature.
		String ts = Pushes.now();
		String nonce = Nonces.next();
		String broken = "@@not-base64@@";
		String brokenBody = "<xml><ToUserName><![CDATA[gh_safe]]></ToUserName><Encrypt><![CDATA[" + broken
				+ "]]></Encrypt></xml>";
		String query = safe.query(ts, nonce) + "&encrypt_type=aes&msg_signature="
				+ WeChatSignature.sign("tokensafe", ts, nonce, broken);
		assertThat(safe.post(query, brokenBody).statusCode()).isEqualTo(400);
		// Encrypted for another appid with the same key.
		Pushes impostor = new Pushes("unused", "wxanotherapp000001", "tokensafe", KEY);
		var other = impostor.secure().encryptMessage(text("gh_safe", "hi"), ts, nonce);
		assertThat(safe
			.post(safe.query(ts, nonce) + "&encrypt_type=aes&msg_signature=" + other.msgSignature(), other.body())
			.statusCode()).isEqualTo(403);
		assertThat(Pushes
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(url() + "/wx/wxunknown?signature=x&timestamp=1&nonce=1"))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("<xml/>")))
			.statusCode()).isEqualTo(404);
		assertThat(Pushes.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/actuator/health")))
			.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void metricsCountMessagesDedupHitsAndRefusals() {
		TextMessage message = text("gh_plain", "metrics");
		plain.plain(message);
		plain.plain(message);
		plain.plainBody("not xml");
		String metrics = Pushes
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/actuator/prometheus")))
			.body();
		assertThat(metrics)
			.contains("wxhub_messages_total{app=\"" + PLAIN_APP + "\",outcome=\"replied\",type=\"text\"}")
			.contains("wxhub_messages_dedup_hits_total{app=\"" + PLAIN_APP + "\"}")
			.contains("wxhub_messages_rejected_total{reason=\"malformed-xml\"}")
			.contains("wxhub_messages_handling_seconds_count{app=\"" + PLAIN_APP + "\"}")
			// buckets: p99 can be computed by Prometheus
			.contains("wxhub_messages_handling_seconds_bucket{app=\"" + PLAIN_APP + "\",le=\"");
		assertThat(Pushes.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/actuator/env")))
			.statusCode()).isEqualTo(404);
	}

	private static String url() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	private static MessageHeader header(String to) {
		return new MessageHeader(to, "oFollower", Instant.now().getEpochSecond());
	}

	private static TextMessage text(String to, String content) {
		return new TextMessage(header(to), content, MSG_IDS.incrementAndGet());
	}

}

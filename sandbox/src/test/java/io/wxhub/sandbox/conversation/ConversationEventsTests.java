package io.wxhub.sandbox.conversation;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.wxhub.sandbox.EventStream;
import io.wxhub.sandbox.SandboxTestSupport;
import io.wxhub.sandbox.conversation.ConversationEntry.Direction;
import io.wxhub.sandbox.conversation.ConversationEntry.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live view of a chat: server-sent events with the chat so far, then each
 * new line, such as a customer-service message sent later through the API side.
 */
class ConversationEventsTests extends SandboxTestSupport {

	@Autowired
	private Conversations conversations;

	private EventStream stream;

	@AfterEach
	void stop() {
		if (this.stream != null) {
			this.stream.close();
		}
	}

	@Test
	void customerServiceMessagesAppearOnTheStream() throws Exception {
		String openid = demoFollower(APP, 1);
		wroteNow(openid);
		String token = classicToken();
		send(token, openid, "第一条");
		this.stream = watch(APP, openid);
		assertThat(this.stream.status()).isEqualTo(200);
		assertThat(this.stream.contentType()).startsWith("text/event-stream");
		assertThat(this.stream.nextEvent()).isEqualTo("history");
		assertThat(this.stream.nextData()).contains("\"summary\":\"第一条\"").contains("\"kind\":\"customer-service\"");
		assertThat(send(token, openid, "稍后回复您")).isZero();
		assertThat(this.stream.nextEvent()).isEqualTo("entry");
		assertThat(this.stream.nextData()).contains("\"direction\":\"out\"")
			.contains("\"kind\":\"customer-service\"")
			.contains("\"summary\":\"稍后回复您\"");
		// clearing the chat empties the page
		assertThat(this.http.delete("/sandbox/apps/{app}/conversations/{o}", APP, openid).status()).isEqualTo(204);
		assertThat(this.stream.nextEvent()).isEqualTo("history");
		assertThat(this.stream.nextData()).isEqualTo("[]");
	}

	/**
	 * A page that stops reading (its socket buffers full) holds up neither the chat nor
	 * other pages: the lines go on being recorded and reach the page that reads.
	 */
	@Test
	void aStalledPageHoldsUpNeitherTheChatNorOtherPages() throws Exception {
		String openid = demoFollower(APP, 1);
		try (Socket stalled = new Socket("127.0.0.1", this.port)) {
			stalled.setReceiveBufferSize(4096);
			stalled.getOutputStream()
				.write(("GET " + path(APP, openid) + " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			this.stream = watch(APP, openid);
			assertThat(this.stream.nextEvent()).isEqualTo("history");
			// far more than the stalled socket's buffers take: its writes block
			String big = "长".repeat(16 * 1024);
			int lineCount = 400;
			Thread recorder = new Thread(() -> {
				for (int i = 0; i < lineCount; i++) {
					this.conversations.record(APP, openid, new ConversationEntry(Instant.now(), Direction.OUT,
							Kind.CUSTOMER_SERVICE, "text", i + big, null));
				}
			}, "recorder");
			recorder.start();
			recorder.join(Duration.ofSeconds(30).toMillis());
			assertThat(recorder.isAlive()).as("recording waits for the stalled page").isFalse();
			for (int i = 0; i < lineCount; i++) {
				assertThat(this.stream.nextEvent()).isEqualTo("entry");
				assertThat(this.stream.nextData()).contains("\"summary\":\"" + i + "长");
			}
		}
	}

	@Test
	void unknownAppsAreRefused() throws Exception {
		this.stream = watch("wx0000000000000000", "o1");
		assertThat(this.stream.status()).isEqualTo(404);
	}

	private int send(String token, String openid, String content) {
		return this.http
			.post("/cgi-bin/message/custom/send?access_token={t}",
					Map.of("touser", openid, "msgtype", "text", "text", Map.of("content", content)), token)
			.errcode();
	}

	private EventStream watch(String appId, String openid) throws Exception {
		return EventStream.open(this.port, path(appId, openid));
	}

	private static String path(String appId, String openid) {
		return "/sandbox/apps/" + appId + "/conversations/" + openid + "/events";
	}

}

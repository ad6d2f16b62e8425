package io.wxhub.sandbox.conversation;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

	private final HttpClient client = HttpClient.newHttpClient();

	@Autowired
	private Conversations conversations;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private Stream<String> body;

	@AfterEach
	void stop() {
		if (this.body != null) {
			this.body.close();
		}
	}

	@Test
	void customerServiceMessagesAppearOnTheStream() throws Exception {
		String openid = demoFollower(APP, 1);
		wroteNow(openid);
		String token = classicToken();
		send(token, openid, "第一条");
		HttpResponse<Stream<String>> stream = watch(APP, openid);
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(nextEvent()).isEqualTo("history");
		assertThat(nextData()).contains("\"summary\":\"第一条\"").contains("\"kind\":\"customer-service\"");
		assertThat(send(token, openid, "稍后回复您")).isZero();
		assertThat(nextEvent()).isEqualTo("entry");
		assertThat(nextData()).contains("\"direction\":\"out\"")
			.contains("\"kind\":\"customer-service\"")
			.contains("\"summary\":\"稍后回复您\"");
		// clearing the chat empties the page
		assertThat(this.http.delete("/sandbox/apps/{app}/conversations/{o}", APP, openid).status()).isEqualTo(204);
		assertThat(nextEvent()).isEqualTo("history");
		assertThat(nextData()).isEqualTo("[]");
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
				.write(("GET /sandbox/apps/" + APP + "/conversations/" + openid + "/events HTTP/1.1\r\nHost: x\r\n"
						+ "Accept: text/event-stream\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			watch(APP, openid);
			assertThat(nextEvent()).isEqualTo("history");
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
				assertThat(nextEvent()).isEqualTo("entry");
				assertThat(nextData()).contains("\"summary\":\"" + i + "长");
			}
		}
	}

	@Test
	void unknownAppsAreRefused() throws Exception {
		assertThat(this.client
			.send(HttpRequest.newBuilder(uri("wx0000000000000000", "o1")).build(), BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
	}

	private int send(String token, String openid, String content) {
		return this.http
			.post("/cgi-bin/message/custom/send?access_token={t}",
					Map.of("touser", openid, "msgtype", "text", "text", Map.of("content", content)), token)
			.errcode();
	}

	private HttpResponse<Stream<String>> watch(String appId, String openid) throws Exception {
		HttpResponse<Stream<String>> response = this.client.send(
				HttpRequest.newBuilder(uri(appId, openid)).header("Accept", "text/event-stream").build(),
				BodyHandlers.ofLines());
		this.body = response.body();
		Thread reader = new Thread(() -> this.body.forEach(this.lines::add), "sse-reader");
		reader.setDaemon(true);
		reader.start();
		return response;
	}

	private URI uri(String appId, String openid) {
		return URI.create(
				"http://127.0.0.1:" + this.port + "/sandbox/apps/" + appId + "/conversations/" + openid + "/events");
	}

	private String nextEvent() throws InterruptedException {
		return next("event:");
	}

	private String nextData() throws InterruptedException {
		return next("data:");
	}

	// skips blank lines between events
	private String next(String field) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null && line.startsWith(field)) {
				return line.substring(field.length()).strip();
			}
		}
		throw new AssertionError("no " + field + " line on the stream");
	}

}

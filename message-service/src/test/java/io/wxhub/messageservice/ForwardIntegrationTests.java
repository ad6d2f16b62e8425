package io.wxhub.messageservice;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The forward action against endpoints that answer, fail, hang or talk garbage. */
class ForwardIntegrationTests {

	private static final String APP = "wxforward000000001";

	private static final String PREFIX = TestRedis.newPrefix("forward");

	private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();

	private static final Queue<String> IDEMPOTENCY_KEYS = new ConcurrentLinkedQueue<>();

	private static HttpServer backend;

	private static HttpServer staller;

	private static ConfigurableApplicationContext service;

	private static Pushes pushes;

	@BeforeAll
	static void start() throws IOException {
		backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		backend.setExecutor(Executors.newFixedThreadPool(8));
		backend.createContext("/json",
				(exchange) -> answer(exchange, 200, "{\"msgType\":\"text\",\"content\":\"from backend\"}"));
		backend.createContext("/garbage", (exchange) -> answer(exchange, 200, "<<< this is not json"));
		backend.createContext("/error", (exchange) -> answer(exchange, 500, "boom"));
		backend.createContext("/hang", (exchange) -> {
			sleep(Duration.ofSeconds(20));
			answer(exchange, 200, "{}");
		});
		backend.start();
		String base = "http://127.0.0.1:" + backend.getAddress().getPort();
		String[] names = { "json", "garbage", "error", "hang" };
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
				"--spring.data.redis.url=" + TestRedis.url(), "--message-service.redis-prefix=" + PREFIX,
				"--message-service.api-proxy.url=http://127.0.0.1:9",
				"--message-service.api-proxy.client-key=unused-client-key", "--message-service.apps[0].app-id=" + APP,
				"--message-service.apps[0].original-id=gh_forward", "--message-service.apps[0].token=tokenforward",
				"--message-service.apps[0].mode=plain", "--server.tomcat.threads.max=4"));
		for (int i = 0; i < names.length; i++) {
			String rule = "--message-service.rules[" + i + "].";
			args.addAll(java.util.List.of(rule + "name=" + names[i], rule + "content=" + names[i],
					rule + "action.type=forward", rule + "action.url=" + base + "/" + names[i],
					rule + "action.timeout=2s"));
		}
		// Its own server and threads, so that stalled calls never queue behind the
		// others.
		staller = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		staller.setExecutor(Executors.newCachedThreadPool());
		staller.createContext("/stall", (exchange) -> {
			sleep(Duration.ofSeconds(3));
			answer(exchange, 200, "{}");
		});
		staller.start();
		String rule = "--message-service.rules[" + names.length + "].";
		args.addAll(java.util.List.of(rule + "name=stall", rule + "content=stall", rule + "action.type=forward",
				rule + "action.url=http://127.0.0.1:" + staller.getAddress().getPort() + "/stall",
				rule + "action.timeout=2s"));
		service = MessageServiceApplication.builder().run(args.toArray(String[]::new));
		String url = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
		pushes = new Pushes(url, APP, "tokenforward", null);
	}

	@AfterAll
	static void stop() {
		service.close();
		backend.stop(0);
		staller.stop(0);
		TestRedis.deleteKeys(PREFIX);
	}

	@Test
	void theEndpointsJsonAnswerBecomesTheReply() {
		var response = pushes.plain(text("json"));
		assertThat(Pushes.CODEC.parseReply(response.body()).reply()).isEqualTo(new TextReply("from backend"));
		assertThat(RECEIVED).anySatisfy((body) -> assertThat(body).contains("\"fromUser\":\"oForward\"")
			.contains("\"msgType\":\"text\"")
			.contains("\"appId\":\"" + APP + "\""));
	}

	@Test
	void eachForwardCarriesTheMessagesIdempotencyKey() {
		TextMessage message = text("json");
		pushes.plain(message);
		assertThat(IDEMPOTENCY_KEYS).contains(APP + ":" + message.deduplicationKey());
	}

	/**
	 * Messages waiting on a slow action hold no request thread: with 4 request threads
	 * and 24 messages waiting, another push is answered at once.
	 */
	@Test
	void slowActionsDoNotHoldRequestThreads() throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(24);
		List<Future<java.net.http.HttpResponse<String>>> slow = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			slow.add(senders.submit(() -> pushes.plain(text("stall"))));
		}
		sleep(Duration.ofMillis(500));
		Instant sent = Instant.now();
		var quick = pushes.plain(text("no rule matches this"));
		assertThat(quick.statusCode()).isEqualTo(200);
		assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofMillis(1500));
		for (Future<java.net.http.HttpResponse<String>> response : slow) {
			assertThat(response.get().statusCode()).isEqualTo(200);
			assertThat(response.get().body()).isEmpty();
		}
		senders.shutdown();
	}

	@Test
	void garbageOrFailureGivesASafeEmptyAnswer() {
		for (String content : new String[] { "garbage", "error" }) {
			var response = pushes.plain(text(content));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEmpty();
		}
	}

	@Test
	void aHangingEndpointCannotHoldWeChatPastTheDeadline() {
		Instant sent = Instant.now();
		var response = pushes.plain(text("hang"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofMillis(4800));
		assertThat(
				Pushes
					.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
							+ ((WebServerApplicationContext) service).getWebServer().getPort() + "/actuator/health")))
					.body())
			.contains("\"status\":\"UP\"");
	}

	private static TextMessage text(String content) {
		return new TextMessage(new MessageHeader("gh_forward", "oForward", Instant.now().getEpochSecond()), content,
				MSG_IDS.incrementAndGet());
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		IDEMPOTENCY_KEYS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

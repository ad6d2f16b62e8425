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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import static org.awaitility.Awaitility.await;

/** The forward action against endpoints that answer, fail, hang or talk garbage. */
class ForwardIntegrationTests {

	private static final String APP = "wxforward000000001";

	private static final String PREFIX = TestRedis.newPrefix("forward");

	private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();

	private static final Queue<String> IDEMPOTENCY_KEYS = new ConcurrentLinkedQueue<>();

	private static final AtomicInteger STALLED = new AtomicInteger();

	private static final CountDownLatch RELEASE_STALLS = new CountDownLatch(1);

	private static final AtomicInteger HANGING = new AtomicInteger();

	private static final CountDownLatch RELEASE_HANG = new CountDownLatch(1);

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
			HANGING.incrementAndGet();
			awaitQuietly(RELEASE_HANG, Duration.ofSeconds(20));
			HANGING.decrementAndGet();
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
			STALLED.incrementAndGet();
			awaitQuietly(RELEASE_STALLS, Duration.ofSeconds(30));
			answer(exchange, 200, "{}");
		});
		staller.start();
		String rule = "--message-service.rules[" + names.length + "].";
		args.addAll(java.util.List.of(rule + "name=stall", rule + "content=stall", rule + "action.type=forward",
				rule + "action.url=http://127.0.0.1:" + staller.getAddress().getPort() + "/stall",
				rule + "action.timeout=30s"));
		service = MessageServiceApplication.builder().run(args.toArray(String[]::new));
		String url = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
		pushes = new Pushes(url, APP, "tokenforward", null);
	}

	@AfterAll
	static void stop() {
		RELEASE_STALLS.countDown();
		RELEASE_HANG.countDown();
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
	 * and 24 messages waiting on their actions, another push is answered while every one
	 * of them is still waiting.
	 */
	@Test
	void slowActionsDoNotHoldRequestThreads() throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(24);
		List<Future<java.net.http.HttpResponse<String>>> slow = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			slow.add(senders.submit(() -> pushes.plain(text("stall"))));
		}
		await().until(() -> STALLED.get() == 24);
		var quick = pushes.plain(text("no rule matches this"));
		boolean slowStillWaiting = slow.stream().noneMatch(Future::isDone);
		assertThat(quick.statusCode()).isEqualTo(200);
		assertThat(slowStillWaiting).isTrue();
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

	/** WeChat gets its (empty) answer while the endpoint still hangs. */
	@Test
	void aHangingEndpointCannotHoldWeChatPastTheDeadline() {
		var response = pushes.plain(text("hang"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(HANGING).hasValue(1);
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

	private static void awaitQuietly(CountDownLatch latch, Duration atMost) {
		try {
			latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

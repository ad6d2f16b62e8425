package io.wxhub.system.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static io.wxhub.system.e2e.SystemUnderTest.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real jars as separate processes, as deployed: the seed conversation in safe mode, a
 * slow reply delivered as a customer-service message, a menu created by WxJava through
 * the proxy, and a message-service replica killed with {@code kill -9} in the middle of a
 * request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemEndToEndTests {

	private static final AtomicInteger SLOW_CALLS = new AtomicInteger();

	private static final Queue<String> SLOW_KEYS = new ConcurrentLinkedQueue<>();

	private static final Map<String, CompletableFuture<String>> SLOW_WORK = new ConcurrentHashMap<>();

	private static HttpServer backend;

	private static SystemUnderTest system;

	@BeforeAll
	static void start() throws IOException {
		backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		backend.setExecutor(Executors.newFixedThreadPool(8));
		// An internal endpoint as it should be written: it honours Idempotency-Key, so a
		// message forwarded again after a replica's death is worked on once.
		backend.createContext("/slow", (exchange) -> {
			SLOW_CALLS.incrementAndGet();
			String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
			SLOW_KEYS.add(key);
			CompletableFuture<String> mine = new CompletableFuture<>();
			CompletableFuture<String> work = SLOW_WORK.putIfAbsent(key, mine);
			if (work == null) {
				ServiceProcess.sleep(6000);
				mine.complete("{\"msgType\":\"text\",\"content\":\"thanks for waiting\"}");
				work = mine;
			}
			answer(exchange, work.join());
		});
		backend.start();
		String slowUrl = "http://127.0.0.1:" + backend.getAddress().getPort() + "/slow";
		Map<String, Object> slowRule = Map.of("name", "slow", "msg-type", "text", "content-prefix", "slow", "action",
				Map.of("type", "forward", "url", slowUrl, "timeout", "20s"));
		system = new SystemUnderTest(List.of(slowRule), List.of(), List.of());
	}

	@AfterAll
	static void stop() {
		if (system != null) {
			system.close();
		}
		backend.stop(0);
	}

	@Test
	@Order(1)
	void theSeedConversationInSafeMode() {
		JsonNode hi = system.send("{\"msgType\":\"event\",\"event\":\"subscribe\"}");
		assertThat(hi.path("reply").path("content").asString()).isEqualTo("Hi~ 终于等到你");
		JsonNode weibo = system.send("{\"msgType\":\"text\",\"content\":\"微博\"}");
		assertThat(weibo.path("outcome").asString()).isEqualTo("reply");
		assertThat(weibo.path("reply").path("articles").get(0).path("url").asString()).contains("weibo.com");
		assertThat(weibo.path("responseBody").asString()).contains("<Encrypt>");
		JsonNode welcome = system.send("{\"msgType\":\"text\",\"content\":\"你好\"}");
		assertThat(welcome.path("reply").path("articles").size()).isEqualTo(2);
		JsonNode image = system.send("{\"msgType\":\"image\",\"mediaId\":\"MEDIA_E2E_1\"}");
		assertThat(image.path("reply").path("mediaId").asString()).isEqualTo("MEDIA_E2E_1");
	}

	@Test
	@Order(2)
	void aSlowReplyIsDeliveredAsACustomerServiceMessage() {
		int before = SLOW_CALLS.get();
		JsonNode seen = system.send("{\"msgType\":\"text\",\"content\":\"slow question\"}");
		// The sandbox gives each attempt WeChat's 5 s and retries a late one: one attempt
		// answered empty is WeChat's own verdict that the answer came in time.
		assertThat(seen.path("outcome").asString()).isEqualTo("empty");
		assertThat(seen.path("attempts").asInt()).isEqualTo(1);
		JsonNode late = awaitCustomerServiceMessages(1, Duration.ofSeconds(20)).get(0);
		assertThat(late.path("body").toString()).contains("thanks for waiting");
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(SLOW_CALLS.get() - before).isEqualTo(1));
	}

	@Test
	@Order(3)
	void wxJavaCreatesAMenuThroughTheProxy() throws Exception {
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setAppId(APP);
		config.setSecret("demo-proxy-client-key");
		config.setHostConfig(new WxMpHostConfig(system.apiProxy.url(), WxMpHostConfig.OPEN_DEFAULT_HOST_URL,
				WxMpHostConfig.MP_DEFAULT_HOST_URL));
		WxMpService wx = new WxMpServiceImpl();
		wx.setWxMpConfigStorage(config);
		WxMenuButton button = new WxMenuButton();
		button.setType("click");
		button.setName("今日歌曲");
		button.setKey("V1001_TODAY_MUSIC");
		WxMenu menu = new WxMenu();
		menu.setButtons(List.of(button));
		wx.getMenuService().menuCreate(menu);
		JsonNode stored = SystemUnderTest.json(SystemUnderTest
			.get(system.sandbox.url() + "/cgi-bin/menu/get?access_token=" + system.accessToken(), null));
		assertThat(stored.path("menu").path("button").get(0).path("name").asString()).isEqualTo("今日歌曲");
	}

	/**
	 * The replica working on a slow message is killed mid-request: WeChat's retry reaches
	 * the other replica, which answers within WeChat's time and, once the dead replica's
	 * claim lapses, takes the message over. Nothing is lost: the follower gets exactly
	 * one reply. Nothing runs twice: every forward of the message carries one
	 * Idempotency-Key, and the endpoint worked on it once. The system serves on.
	 */
	@Test
	@Order(4)
	void killingAMessageServiceMidRequestLosesNothing() {
		int csBefore = customerServiceMessages().size();
		int workBefore = SLOW_WORK.size();
		SLOW_KEYS.clear();
		int target = system.callback.requestsPerBackend().stream().mapToInt(Integer::intValue).sum() % 2;
		Thread killer = new Thread(() -> {
			ServiceProcess.sleep(800);
			system.messageServices.get(target).kill();
		});
		killer.start();
		JsonNode seen = system.send("{\"msgType\":\"text\",\"content\":\"slow but important\"}");
		assertThat(seen.path("outcome").asString()).isEqualTo("empty");
		assertThat(seen.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
		List<JsonNode> delivered = awaitCustomerServiceMessages(csBefore + 1, Duration.ofSeconds(30));
		assertThat(delivered.get(csBefore).path("body").toString()).contains("thanks for waiting");
		// Exactly one reply, over a window in which a duplicate would have arrived.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(customerServiceMessages()).hasSize(csBefore + 1));
		assertThat(SLOW_KEYS).isNotEmpty();
		assertThat(Set.copyOf(SLOW_KEYS)).hasSize(1);
		assertThat(SLOW_WORK).hasSize(workBefore + 1);
		// The system serves on with one replica: WeChat's retries find the live one.
		JsonNode after = system.send("{\"msgType\":\"text\",\"content\":\"微博\"}");
		assertThat(after.path("outcome").asString()).isEqualTo("reply");
	}

	private static List<JsonNode> awaitCustomerServiceMessages(int count, Duration timeout) {
		return await().atMost(timeout)
			.pollInterval(Duration.ofMillis(250))
			.until(SystemEndToEndTests::customerServiceMessages, (messages) -> messages.size() >= count);
	}

	private static List<JsonNode> customerServiceMessages() {
		List<JsonNode> messages = new java.util.ArrayList<>();
		for (JsonNode entry : system.conversation()) {
			if (entry.path("kind").asString().equals("customer-service")) {
				messages.add(entry);
			}
		}
		return messages;
	}

	private static void answer(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}

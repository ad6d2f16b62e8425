package io.wxhub.messageservice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.reply.NewsReply;
import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same push, answered by a templated reply, arriving many times at once on two
 * replicas: one answer is published, and every copy gets exactly its bytes.
 */
class ConcurrentRetriesIntegrationTests {

	private static final String APP = "wx00000000racing01";

	private static final String PREFIX = TestRedis.newPrefix("racing");

	private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private static final List<Pushes> pushes = new ArrayList<>();

	@BeforeAll
	static void start() {
		for (int i = 0; i < 2; i++) {
			ConfigurableApplicationContext replica = MessageServiceApplication.builder()
				.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
						"--message-service.redis-prefix=" + PREFIX,
						"--message-service.api-proxy.url=http://127.0.0.1:9",
						"--message-service.api-proxy.client-key=unused-client-key",
						"--message-service.apps[0].app-id=" + APP, "--message-service.apps[0].original-id=gh_racing",
						"--message-service.apps[0].token=tokenracing",
						"--message-service.apps[0].aes-key=" + CallbackIntegrationTests.KEY,
						"--message-service.apps[0].mode=safe");
			replicas.add(replica);
			String url = "http://127.0.0.1:" + ((WebServerApplicationContext) replica).getWebServer().getPort();
			pushes.add(new Pushes(url, APP, "tokenracing", CallbackIntegrationTests.KEY));
		}
	}

	@AfterAll
	static void stop() {
		replicas.forEach(ConfigurableApplicationContext::close);
		TestRedis.deleteKeys(PREFIX);
	}

	@Test
	void copiesRacingOnTwoReplicasGetOneAnswer() throws Exception {
		TextMessage message = new TextMessage(new MessageHeader("gh_racing", "oRacer", Instant.now().getEpochSecond()),
				"你好", System.currentTimeMillis() * 1000);
		int copies = 16;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService senders = Executors.newFixedThreadPool(copies);
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < copies; i++) {
			Pushes replica = pushes.get(i % 2);
			Callable<String> send = () -> {
				go.await();
				var response = replica.encrypted(message);
				assertThat(response.statusCode()).isEqualTo(200);
				return response.body();
			};
			answers.add(senders.submit(send));
		}
		go.countDown();
		List<String> bodies = new ArrayList<>();
		for (Future<String> answer : answers) {
			bodies.add(answer.get());
		}
		senders.shutdown();

		assertThat(bodies).hasSize(copies).allMatch(bodies.get(0)::equals);
		assertThat(pushes.get(0).secure().decryptReply(bodies.get(0)).reply()).isInstanceOf(NewsReply.class);
		assertThat(sum("wxhub.messages")).isEqualTo(1);
		assertThat(sum("wxhub.messages.dedup.hits")).isEqualTo(copies - 1);
	}

	private static double sum(String meter) {
		return replicas.stream()
			.mapToDouble((replica) -> replica.getBean(MeterRegistry.class)
				.find(meter)
				.tag("app", APP)
				.counters()
				.stream()
				.mapToDouble((counter) -> counter.count())
				.sum())
			.sum();
	}

}

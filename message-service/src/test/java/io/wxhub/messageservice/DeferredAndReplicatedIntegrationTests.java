package io.wxhub.messageservice;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.wxhub.messageservice.ChainCluster.SAFE_APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow actions, WeChat's retries and several replicas: every action runs once, nothing is
 * lost.
 */
class DeferredAndReplicatedIntegrationTests {

	private static final String[] RULES = { "--message-service.rules[0].name=slow",
			"--message-service.rules[0].content-prefix=slow", "--message-service.rules[0].action.type=bean",
			"--message-service.rules[0].action.bean=slowHandler", "--message-service.rules[1].name=pausing",
			"--message-service.rules[1].content-prefix=pause", "--message-service.rules[1].action.type=bean",
			"--message-service.rules[1].action.bean=pausingHandler", "--message-service.rules[2].name=default",
			"--message-service.rules[2].action.type=none" };

	/**
	 * A 7 s action: WeChat gets an empty 200 within the 4.5 s deadline, the reply then
	 * arrives as a customer-service message, and the action ran once although WeChat
	 * retried.
	 */
	@Test
	void aSlowReplyArrivesAsACustomerServiceMessage() {
		try (ChainCluster chain = new ChainCluster()) {
			chain.startServices(1, TestHandlers.class, RULES);
			int before = TestHandlers.SLOW_CALLS.get();
			String follower = "oSlowFollower001";
			// The network "loses" the first two answers, so WeChat retries twice. An
			// empty
			// outcome means every attempt was answered within the sandbox's (WeChat's) 5
			// s.
			JsonNode seen = chain.send(SAFE_APP, follower,
					"{\"msgType\":\"text\",\"content\":\"slow question\",\"dropResponses\":2}");
			assertThat(seen.path("outcome").asString()).isEqualTo("empty");
			assertThat(seen.path("attempts").asInt()).isEqualTo(3);

			JsonNode late = await().atMost(Duration.ofSeconds(30))
				.until(() -> customerServiceMessage(chain, follower), Objects::nonNull);
			assertThat(late.path("body").toString()).contains("sorry for the wait: slow question");
			await().during(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(TestHandlers.SLOW_CALLS.get() - before).isEqualTo(1));
		}
	}

	/**
	 * Two replicas behind a round-robin and a WeChat that gives up after 3 s: the retry
	 * lands on the other replica while the first is still working, waits for its answer,
	 * and gets the very same bytes; a later retry does too. The action ran once.
	 */
	@Test
	void retriesOnTheOtherReplicaGetTheSameBytesAndTheActionRunsOnce() {
		try (ChainCluster chain = new ChainCluster("--sandbox.push.timeout=3s")) {
			chain.startServices(2, TestHandlers.class, RULES);
			int before = TestHandlers.PAUSING_CALLS.get();
			String follower = "oReplicaFollower01";
			String message = "{\"msgType\":\"text\",\"content\":\"pause and think\",\"msgId\":7000000000000000001,"
					+ "\"createTime\":" + Instant.now().getEpochSecond() + "}";
			JsonNode first = chain.send(SAFE_APP, follower, message);
			assertThat(first.path("outcome").asString()).isEqualTo("reply");
			assertThat(first.path("attempts").asInt()).isEqualTo(2);
			assertThat(first.path("reply").path("content").asString()).isEqualTo("thought about it: pause and think");
			assertThat(chain.callback.requestsPerBackend()).containsExactly(1, 1);

			JsonNode later = chain.send(SAFE_APP, follower, message);
			assertThat(later.path("outcome").asString()).isEqualTo("reply");
			assertThat(later.path("responseBody").asString()).isEqualTo(first.path("responseBody").asString());
			await().during(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(TestHandlers.PAUSING_CALLS.get() - before).isEqualTo(1));
		}
	}

	private static JsonNode customerServiceMessage(ChainCluster chain, String follower) {
		for (JsonNode entry : chain.conversation(SAFE_APP, follower)) {
			if (entry.path("kind").asString().equals("customer-service")) {
				return entry;
			}
		}
		return null;
	}

}

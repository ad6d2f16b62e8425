package io.wxhub.messageservice.push;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.testsupport.OwnedRedis;
import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dedup outcomes on a real Redis: claim, publish, complete and read, the answer
 * announcement, and what each gives while Redis is away.
 */
class DedupStoreIntegrationTests {

	private static final String PREFIX = TestRedis.newPrefix("dedup-store");

	private final DedupStore store = new DedupStore(TestRedis.client(), properties(PREFIX), metrics());

	@AfterAll
	static void clean() {
		TestRedis.deleteKeys(PREFIX);
	}

	@Test
	void aNewMessageIsUnknownAndTheFirstClaimWins() {
		assertThat(this.store.read("wx1", "m1")).isEqualTo(DedupOutcome.UNKNOWN);
		assertThat(this.store.claim("wx1", "m1", Duration.ofSeconds(5))).isTrue();
		assertThat(this.store.claim("wx1", "m1", Duration.ofSeconds(5))).isFalse();
		assertThat(this.store.read("wx1", "m1")).isEqualTo(DedupOutcome.PENDING);
	}

	@Test
	void aCompletedClaimIsDoneWithItsExactBytes() {
		this.store.claim("wx1", "m2", Duration.ofSeconds(5));
		this.store.complete("wx1", "m2", "<xml>答</xml>");
		assertThat(this.store.read("wx1", "m2")).isEqualTo(new DedupOutcome.Done("<xml>答</xml>"));
		assertThat(this.store.claim("wx1", "m2", Duration.ofSeconds(5))).isFalse();
	}

	@Test
	void theFirstPublishedAnswerIsTheOneEveryCopyGets() {
		assertThat(this.store.publish("wx1", "m3", "first")).isEqualTo(DedupOutcome.UNKNOWN);
		assertThat(this.store.publish("wx1", "m3", "second")).isEqualTo(new DedupOutcome.Done("first"));
		assertThat(this.store.publish("wx1", "m3-empty", "")).isEqualTo(DedupOutcome.UNKNOWN);
		assertThat(this.store.read("wx1", "m3-empty")).isEqualTo(new DedupOutcome.Done(""));
	}

	@Test
	void publishingOverAClaimGivesPending() {
		this.store.claim("wx1", "m4", Duration.ofSeconds(5));
		assertThat(this.store.publish("wx1", "m4", "mine")).isEqualTo(DedupOutcome.PENDING);
	}

	@Test
	void aLapsedClaimIsUnknownAgain() {
		assertThat(this.store.claim("wx1", "m5", Duration.ofMillis(50))).isTrue();
		await().until(() -> this.store.read("wx1", "m5").equals(DedupOutcome.UNKNOWN));
		assertThat(this.store.claim("wx1", "m5", Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void completingAnnouncesTheAnswerToEveryReplica() {
		DedupStore otherReplica = new DedupStore(TestRedis.client(), properties(PREFIX), metrics());
		Queue<String> heard = new ConcurrentLinkedQueue<>();
		otherReplica.onAnswered(heard::add);
		await().untilAsserted(() -> {
			this.store.complete("wx1", "m6", "x");
			assertThat(heard).contains("wx1:m6");
		});
	}

	@Test
	void withoutRedisMessagesAreHandledHereRatherThanLost() {
		try (OwnedRedis redis = OwnedRedis.start()) {
			Config config = new Config();
			config.useSingleServer().setAddress(redis.url()).setTimeout(200).setConnectTimeout(200).setRetryAttempts(0);
			RedissonClient client = Redisson.create(config);
			try {
				SimpleMeterRegistry meters = new SimpleMeterRegistry();
				DedupStore away = new DedupStore(client, properties(PREFIX),
						new MessageMetrics(meters, properties(PREFIX)));
				redis.stop();
				assertThat(away.claim("wx1", "m7", Duration.ofSeconds(5))).isTrue();
				assertThat(away.publish("wx1", "m7", "x")).isEqualTo(DedupOutcome.UNKNOWN);
				// Nobody takes a message over on a Redis hiccup.
				assertThat(away.read("wx1", "m7")).isEqualTo(DedupOutcome.PENDING);
				away.complete("wx1", "m7", "x");
				// every failed Redis call is counted: the dedup store's alert
				assertThat(meters.get("wxhub.messages.dedup.errors").tag("app", "wx1").counter().count()).isEqualTo(4);
			}
			finally {
				client.shutdown();
			}
		}
	}

	/** Message metrics that nobody reads. */
	static MessageMetrics metrics() {
		return new MessageMetrics(new SimpleMeterRegistry(), properties("unused"));
	}

	static MessageServiceProperties properties(String prefix) {
		return new MessageServiceProperties(List.of(), null, List.of(), Duration.ofMillis(4500), Duration.ofMinutes(5),
				DataSize.ofKilobytes(64), Duration.ofMinutes(10), prefix, Duration.ofMillis(250),
				new MessageServiceProperties.Actions(4, 16, 1, Duration.ofSeconds(1)));
	}

}

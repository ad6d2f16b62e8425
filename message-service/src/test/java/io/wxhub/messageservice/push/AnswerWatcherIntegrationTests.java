package io.wxhub.messageservice.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waiting for another replica's answer on a real Redis: woken by the announcement,
 * noticing a lapsed claim, never past the deadline.
 */
class AnswerWatcherIntegrationTests {

	private static final String PREFIX = TestRedis.newPrefix("answer-watcher");

	private static final Instant FAR_AWAY = Instant.now().plus(Duration.ofDays(1));

	private final ThreadPoolTaskScheduler timers = new ThreadPoolTaskScheduler();

	private final DedupStore store = new DedupStore(TestRedis.client(), DedupStoreIntegrationTests.properties(PREFIX),
			DedupStoreIntegrationTests.metrics());

	AnswerWatcherIntegrationTests() {
		this.timers.initialize();
	}

	@AfterEach
	void stop() {
		this.timers.shutdown();
	}

	@AfterAll
	static void clean() {
		TestRedis.deleteKeys(PREFIX);
	}

	@Test
	void anAnswerStoredEarlierIsDoneAtOnce() {
		this.store.publish("wx1", "a1", "bytes");
		assertThat(watcher(Clock.systemUTC()).await("wx1", "a1", FAR_AWAY).join())
			.isEqualTo(new DedupOutcome.Done("bytes"));
	}

	@Test
	void theOtherReplicasAnswerEndsTheWait() {
		AnswerWatcher watcher = watcher(Clock.systemUTC());
		this.store.claim("wx1", "a2", Duration.ofMinutes(1));
		CompletableFuture<DedupOutcome> outcome = watcher.await("wx1", "a2", FAR_AWAY);
		assertThat(outcome).isNotDone();
		new DedupStore(TestRedis.client(), DedupStoreIntegrationTests.properties(PREFIX),
				DedupStoreIntegrationTests.metrics())
			.complete("wx1", "a2", "their bytes");
		assertThat(outcome.join()).isEqualTo(new DedupOutcome.Done("their bytes"));
		assertThat(watcher.waiting()).isZero();
	}

	@Test
	void aClaimThatLapsesUnansweredIsUnknown() {
		this.store.claim("wx1", "a3", Duration.ofMillis(100));
		assertThat(watcher(Clock.systemUTC()).await("wx1", "a3", FAR_AWAY).join()).isEqualTo(DedupOutcome.UNKNOWN);
	}

	@Test
	void stillPendingAtTheDeadlineIsPending() {
		this.store.claim("wx1", "a4", Duration.ofMinutes(1));
		// A clock already past the deadline: the first check is the last.
		Clock late = Clock.fixed(FAR_AWAY.plusSeconds(1), ZoneOffset.UTC);
		AnswerWatcher watcher = watcher(late);
		assertThat(watcher.await("wx1", "a4", FAR_AWAY).join()).isEqualTo(DedupOutcome.PENDING);
		assertThat(watcher.waiting()).isZero();
	}

	@Test
	void aWaitEndsAtItsDeadlineEvenWithoutAnyAnnouncement() {
		this.store.claim("wx1", "a5", Duration.ofMinutes(1));
		CompletableFuture<DedupOutcome> outcome = watcher(Clock.systemUTC()).await("wx1", "a5",
				Instant.now().plusMillis(300));
		await().until(outcome::isDone);
		assertThat(outcome.join()).isEqualTo(DedupOutcome.PENDING);
	}

	private AnswerWatcher watcher(Clock clock) {
		return new AnswerWatcher(this.store, this.timers, DedupStoreIntegrationTests.properties(PREFIX), clock);
	}

}

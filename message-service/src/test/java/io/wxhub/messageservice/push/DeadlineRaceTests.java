package io.wxhub.messageservice.push;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The race between an action and its deadline, with fake actions. */
class DeadlineRaceTests {

	private static final Instant FAR_AWAY = Instant.now().plus(Duration.ofDays(1));

	private final ThreadPoolTaskExecutor actions = new ThreadPoolTaskExecutor();

	private final ThreadPoolTaskScheduler timers = new ThreadPoolTaskScheduler();

	private DeadlineRace race;

	@BeforeEach
	void start() {
		this.actions.setCorePoolSize(2);
		this.actions.initialize();
		this.timers.initialize();
		this.race = new DeadlineRace(this.actions, this.timers);
	}

	@AfterEach
	void stop() {
		this.actions.shutdown();
		this.timers.shutdown();
	}

	@Test
	void aResultBeforeTheDeadlineWins() {
		AtomicInteger late = new AtomicInteger();
		var finish = this.race.run(() -> "reply", FAR_AWAY, (result) -> late.incrementAndGet()).join();
		assertThat(finish).isEqualTo(new DeadlineRace.Finish.InTime<>("reply"));
		assertThat(late).hasValue(0);
	}

	@Test
	void aFailureBeforeTheDeadlineIsReported() {
		IllegalStateException boom = new IllegalStateException("boom");
		var finish = this.race.run(() -> {
			throw boom;
		}, FAR_AWAY, (result) -> {
		}).join();
		assertThat(finish).isInstanceOf(DeadlineRace.Finish.Failed.class);
		assertThat(((DeadlineRace.Finish.Failed<?>) finish).failure()).hasRootCause(boom);
	}

	@Test
	void theDeadlineFirstThenTheResultGoesLateExactlyOnce() {
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<String> late = new AtomicReference<>();
		AtomicInteger lateCalls = new AtomicInteger();
		CompletableFuture<DeadlineRace.Finish<String>> finish = this.race.run(() -> {
			awaitQuietly(release);
			return "slow reply";
		}, Instant.now(), (result) -> {
			late.set(result);
			lateCalls.incrementAndGet();
		});
		assertThat(finish.join()).isEqualTo(new DeadlineRace.Finish.TooLate<>());
		assertThat(late).hasValue(null);
		release.countDown();
		await().until(() -> "slow reply".equals(late.get()));
		await().during(Duration.ofMillis(300)).untilAsserted(() -> assertThat(lateCalls).hasValue(1));
	}

	@Test
	void aFullPoolAnswersAtOnceWithAFailure() {
		DeadlineRace refusing = new DeadlineRace((task) -> {
			throw new RejectedExecutionException("full");
		}, this.timers);
		var finish = refusing.run(() -> "never", FAR_AWAY, (result) -> {
		});
		assertThat(finish).isDone();
		assertThat(finish.join()).isInstanceOf(DeadlineRace.Finish.Failed.class);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

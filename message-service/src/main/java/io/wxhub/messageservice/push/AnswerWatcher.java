package io.wxhub.messageservice.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import io.wxhub.messageservice.system.MessageServiceProperties;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Waits for the answer another replica gives a message it claimed. The replica announces
 * each answer on a Redis topic, which wakes the waiters of that message at once; a
 * re-check every {@code message-service.answer-recheck} covers announcements lost to a
 * reconnect and notices a claim that lapses because its replica died. No waiter outlives
 * its deadline. Waiting holds no thread.
 */
@Component
class AnswerWatcher {

	private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

	private final DedupStore store;

	private final TaskScheduler timers;

	private final Duration recheck;

	private final Clock clock;

	AnswerWatcher(DedupStore store, @Qualifier(PushExecutors.TIMERS) TaskScheduler timers,
			MessageServiceProperties properties, Clock clock) {
		this.store = store;
		this.timers = timers;
		this.recheck = properties.answerRecheck();
		this.clock = clock;
		// Off Redisson's threads: a check reads Redis.
		store.onAnswered((appAndKey) -> {
			try {
				timers.schedule(() -> wake(appAndKey), clock.instant());
			}
			catch (TaskRejectedException ex) {
				// Shutting down: the waiters' own re-checks and deadlines still run.
			}
		});
	}

	/**
	 * The message's outcome once it is {@link DedupOutcome.Done} or
	 * {@link DedupOutcome.Unknown} (the claim lapsed unanswered), or
	 * {@link DedupOutcome.Pending} if it is still pending at {@code due}.
	 */
	CompletableFuture<DedupOutcome> await(String appId, String key, Instant due) {
		Waiter waiter = new Waiter(appId, key, due);
		// Registered before the first read, so an answer stored meanwhile is announced to
		// it.
		this.waiters.computeIfAbsent(waiter.appAndKey(), (k) -> ConcurrentHashMap.newKeySet()).add(waiter);
		check(waiter);
		return waiter.outcome;
	}

	/** How many waits are in progress. */
	int waiting() {
		return this.waiters.values().stream().mapToInt(Set::size).sum();
	}

	private void wake(String appAndKey) {
		Set<Waiter> set = this.waiters.get(appAndKey);
		if (set != null) {
			set.forEach(this::check);
		}
	}

	private void check(Waiter waiter) {
		if (waiter.outcome.isDone()) {
			return;
		}
		DedupOutcome outcome = this.store.read(waiter.appId, waiter.key);
		Instant now = this.clock.instant();
		if (outcome instanceof DedupOutcome.Pending && now.isBefore(waiter.due)) {
			try {
				waiter
					.recheckAt(this.timers.schedule(() -> check(waiter), earliest(now.plus(this.recheck), waiter.due)));
				return;
			}
			catch (TaskRejectedException ex) {
				// Shutting down: answer with what is known now rather than never.
			}
		}
		// Out of the map first: whoever sees the outcome sees the wait over.
		this.waiters.computeIfPresent(waiter.appAndKey(), (k, set) -> {
			set.remove(waiter);
			return set.isEmpty() ? null : set;
		});
		waiter.cancelRecheck();
		waiter.outcome.complete(outcome);
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static final class Waiter {

		final String appId;

		final String key;

		final Instant due;

		final CompletableFuture<DedupOutcome> outcome = new CompletableFuture<>();

		private ScheduledFuture<?> recheck;

		Waiter(String appId, String key, Instant due) {
			this.appId = appId;
			this.key = key;
			this.due = due;
		}

		String appAndKey() {
			return this.appId + ":" + this.key;
		}

		synchronized void recheckAt(ScheduledFuture<?> next) {
			if (this.recheck != null) {
				this.recheck.cancel(false);
			}
			this.recheck = next;
		}

		synchronized void cancelRecheck() {
			if (this.recheck != null) {
				this.recheck.cancel(false);
			}
		}

	}

}

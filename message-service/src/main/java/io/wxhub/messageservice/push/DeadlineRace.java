package io.wxhub.messageservice.push;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs an action on the action pool against a deadline. Whichever comes first decides:
 * the action's result ({@link Finish.InTime}), its failure ({@link Finish.Failed}), or
 * the deadline ({@link Finish.TooLate}), after which the result, when it comes, is handed
 * to the late consumer instead.
 */
@Component
class DeadlineRace {

	private final Executor actions;

	private final TaskScheduler timers;

	DeadlineRace(@Qualifier(PushExecutors.ACTIONS) Executor actions,
			@Qualifier(PushExecutors.TIMERS) TaskScheduler timers) {
		this.actions = actions;
		this.timers = timers;
	}

	/** Starts {@code action}; the future completes by {@code due} at the latest. */
	<T> CompletableFuture<Finish<T>> run(Supplier<T> action, Instant due, Consumer<T> whenLate) {
		CompletableFuture<Finish<T>> finish = new CompletableFuture<>();
		AtomicBoolean decided = new AtomicBoolean();
		CompletableFuture<T> running;
		try {
			running = CompletableFuture.supplyAsync(action, this.actions);
		}
		catch (RejectedExecutionException ex) {
			// The pool and its queue are full: overloaded, answer at once.
			finish.complete(new Finish.Failed<>(ex));
			return finish;
		}
		ScheduledFuture<?> deadline = this.timers.schedule(() -> {
			if (decided.compareAndSet(false, true)) {
				finish.complete(new Finish.TooLate<>());
			}
		}, due);
		running.whenComplete((result, failure) -> {
			if (decided.compareAndSet(false, true)) {
				deadline.cancel(false);
				finish.complete((failure != null) ? new Finish.Failed<>(failure) : new Finish.InTime<>(result));
			}
			else if (failure == null) {
				whenLate.accept(result);
			}
		});
		return finish;
	}

	/** How a race ended. */
	sealed interface Finish<T> permits Finish.InTime, Finish.Failed, Finish.TooLate {

		/** The action finished before the deadline. */
		record InTime<T>(T result) implements Finish<T> {

		}

		/** The action failed (or could not start) before the deadline. */
		record Failed<T>(Throwable failure) implements Finish<T> {

		}

		/** The deadline came first; the result goes to the late consumer. */
		record TooLate<T>() implements Finish<T> {

		}

	}

}

package io.wxhub.messageservice.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.wxhub.messageservice.delivery.CustomerServiceSender;
import io.wxhub.messageservice.routing.Router;
import io.wxhub.messageservice.routing.Rule;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.reply.Reply;
import jakarta.annotation.PreDestroy;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs each message's action once across replicas and answers within the deadline. An
 * answer known at once (templated reply, echo, none) is rendered and published in one
 * Redis call. For a slow action the replica that claims the message runs it; if the reply
 * is not ready by the deadline it answers empty at once and the reply goes out later as a
 * customer-service message. A retry WeChat sends meanwhile, on any replica, waits for the
 * first answer (within its own deadline) and then gets exactly the same bytes.
 */
@Component
public class MessageProcessor {

	private static final Logger log = LoggerFactory.getLogger(MessageProcessor.class);

	private static final Duration POLL = Duration.ofMillis(20);

	private final ExecutorService actions = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "message-action");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "message-timer");
		thread.setDaemon(true);
		return thread;
	});

	private final DedupStore store;

	private final Router router;

	private final CustomerServiceSender sender;

	private final MessageMetrics metrics;

	private final Duration deadline;

	private final Clock clock;

	MessageProcessor(DedupStore store, Router router, CustomerServiceSender sender, MessageMetrics metrics,
			MessageServiceProperties properties, Clock clock) {
		this.store = store;
		this.router = router;
		this.sender = sender;
		this.metrics = metrics;
		this.deadline = properties.deadline();
		this.clock = clock;
	}

	/**
	 * The answer body for a message that arrived at {@code arrivedAt}, done at once
	 * unless a slow action or another replica's work is awaited; {@code render} turns a
	 * reply into the body (plain or encrypted). An empty string means an empty 200.
	 * Waiting holds no request thread: it completes on the action's thread or on a timer.
	 */
	public CompletableFuture<String> process(String appId, InboundMessage message, Instant arrivedAt,
			Function<Reply, String> render) {
		Instant due = arrivedAt.plus(this.deadline);
		String key = message.deduplicationKey();
		Optional<Rule> rule = this.router.match(appId, message);
		if (rule.isEmpty() || rule.get().action().type().isImmediate()) {
			return answerAtOnce(appId, key, message, rule, due, render);
		}
		return claimOrAwait(appId, key, message, rule.get(), due, render);
	}

	private CompletableFuture<String> claimOrAwait(String appId, String key, InboundMessage message, Rule rule,
			Instant due, Function<Reply, String> render) {
		if (claim(appId, key)) {
			return runOnce(appId, key, message, rule, due, render);
		}
		this.metrics.dedupHit(appId);
		// A null answer: the claim lapsed unanswered (its replica died), take the message
		// over.
		return awaitAnswer(appId, key, message, due).thenCompose((answer) -> (answer != null)
				? CompletableFuture.completedFuture(answer) : claimOrAwait(appId, key, message, rule, due, render));
	}

	/**
	 * Templated replies, echoes and "no reply" have no effect besides the answer, so the
	 * answer is rendered first and published in one Redis call: the first replica to
	 * publish it wins, and every retry gets those bytes.
	 */
	private CompletableFuture<String> answerAtOnce(String appId, String key, InboundMessage message,
			Optional<Rule> rule, Instant due, Function<Reply, String> render) {
		String body;
		String outcome;
		try {
			body = rule.flatMap((r) -> this.router.run(r, appId, message)).map(render).orElse("");
			outcome = body.isEmpty() ? "empty" : "replied";
		}
		catch (RuntimeException ex) {
			logFailure(appId, ex);
			body = "";
			outcome = "failed";
		}
		DedupStore.State earlier = publish(appId, key, body);
		if (earlier == null) {
			this.metrics.handled(appId, message, outcome);
			return CompletableFuture.completedFuture(body);
		}
		this.metrics.dedupHit(appId);
		if (earlier.done()) {
			return CompletableFuture.completedFuture(earlier.body());
		}
		// Another replica claimed it for a slow action (its rules differ from ours):
		// wait.
		String ours = body;
		return awaitAnswer(appId, key, message, due)
			.thenApply((answer) -> (answer != null) ? answer : publishOrEarlier(appId, key, ours));
	}

	/**
	 * The answer another replica gave; empty (and a watch for its lapse) when it is still
	 * working at our deadline; null when its claim lapsed unanswered.
	 */
	private CompletableFuture<String> awaitAnswer(String appId, String key, InboundMessage message, Instant due) {
		return awaitOutcome(appId, key, due).thenApply((state) -> {
			if (state == null) {
				return null;
			}
			if (state.done()) {
				return state.body();
			}
			// Still pending at our deadline: answer empty, and make sure the message is
			// not lost should the replica working on it die before it answers.
			watchForLapse(appId, key, message);
			return "";
		});
	}

	private String publishOrEarlier(String appId, String key, String body) {
		DedupStore.State earlier = publish(appId, key, body);
		return (earlier != null && earlier.done()) ? earlier.body() : body;
	}

	/**
	 * Takes over a message whose claim lapses unanswered; its reply then goes out late.
	 */
	private void watchForLapse(String appId, String key, InboundMessage message) {
		awaitOutcome(appId, key, this.clock.instant().plus(this.deadline.plusSeconds(2))).thenAcceptAsync((state) -> {
			if (state == null && claim(appId, key)) {
				this.metrics.handled(appId, message, "taken_over");
				complete(appId, key, "");
				this.router.match(appId, message)
					.flatMap((rule) -> this.router.run(rule, appId, message))
					.ifPresent((reply) -> this.sender.send(appId, message.fromUserName(), reply));
			}
		}, this.actions).exceptionally((failure) -> logFailure(appId, failure));
	}

	/**
	 * Runs a slow action on the action pool. Whichever comes first decides the answer:
	 * the action's reply, or an empty answer at the deadline, after which the reply goes
	 * out as a customer-service message. The answer is stored for retries before it is
	 * given.
	 */
	private CompletableFuture<String> runOnce(String appId, String key, InboundMessage message, Rule rule, Instant due,
			Function<Reply, String> render) {
		CompletableFuture<String> answer = new CompletableFuture<>();
		AtomicBoolean decided = new AtomicBoolean();
		CompletableFuture<Optional<Reply>> action = CompletableFuture
			.supplyAsync(() -> this.router.run(rule, appId, message), this.actions);
		long wait = Math.max(0, Duration.between(this.clock.instant(), due).toMillis());
		ScheduledFuture<?> deadlineTimer = this.timers.schedule(() -> {
			if (decided.compareAndSet(false, true)) {
				this.metrics.handled(appId, message, "deferred");
				answerWith(answer, appId, key, "");
			}
		}, wait, TimeUnit.MILLISECONDS);
		action.whenComplete((reply, failure) -> {
			if (failure != null) {
				logFailure(appId, failure);
				if (decided.compareAndSet(false, true)) {
					deadlineTimer.cancel(false);
					this.metrics.handled(appId, message, "failed");
					answerWith(answer, appId, key, "");
				}
				return;
			}
			String body = renderSafely(appId, reply, render);
			if (decided.compareAndSet(false, true)) {
				deadlineTimer.cancel(false);
				this.metrics.handled(appId, message, body.isEmpty() ? "empty" : "replied");
				answerWith(answer, appId, key, body);
			}
			else {
				// WeChat has had its empty answer: the reply goes out late.
				reply.ifPresent((r) -> this.sender.send(appId, message.fromUserName(), r));
			}
		});
		return answer;
	}

	private String renderSafely(String appId, Optional<Reply> reply, Function<Reply, String> render) {
		try {
			return reply.map(render).orElse("");
		}
		catch (RuntimeException ex) {
			logFailure(appId, ex);
			return "";
		}
	}

	private void answerWith(CompletableFuture<String> answer, String appId, String key, String body) {
		complete(appId, key, body);
		answer.complete(body);
	}

	/**
	 * The first replica's answer; a pending state at the deadline; null if the claim
	 * lapsed. Polls Redis on the timer, holding no thread between polls.
	 */
	private CompletableFuture<DedupStore.State> awaitOutcome(String appId, String key, Instant due) {
		CompletableFuture<DedupStore.State> outcome = new CompletableFuture<>();
		poll(outcome, appId, key, due);
		return outcome;
	}

	private void poll(CompletableFuture<DedupStore.State> outcome, String appId, String key, Instant due) {
		try {
			DedupStore.State state = read(appId, key);
			if (state == null || state.done() || !this.clock.instant().isBefore(due)) {
				outcome.complete(state);
				return;
			}
			this.timers.schedule(() -> poll(outcome, appId, key, due), POLL.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			outcome.completeExceptionally(ex);
		}
	}

	/** Redis unavailable: handle the message here rather than lose it (no dedup then). */
	private boolean claim(String appId, String key) {
		try {
			return this.store.claim(appId, key, this.deadline.plusSeconds(1));
		}
		catch (RedisException ex) {
			log.warn("Dedup unavailable, handling message without it: {}", ex.getMessage());
			return true;
		}
	}

	/**
	 * Null when this answer is the first; else the earlier state. Redis down: no dedup.
	 */
	private DedupStore.State publish(String appId, String key, String body) {
		try {
			return this.store.publish(appId, key, body);
		}
		catch (RedisException ex) {
			log.warn("Dedup unavailable, answering without it: {}", ex.getMessage());
			return null;
		}
	}

	private DedupStore.State read(String appId, String key) {
		try {
			return this.store.read(appId, key);
		}
		catch (RedisException ex) {
			return new DedupStore.State(null);
		}
	}

	private void complete(String appId, String key, String body) {
		try {
			this.store.complete(appId, key, body);
		}
		catch (RedisException ex) {
			log.warn("Could not store the answer for WeChat's retries: {}", ex.getMessage());
		}
	}

	private Void logFailure(String appId, Throwable failure) {
		log.warn("Action for app {} failed: {}", appId, failure.toString());
		return null;
	}

	@PreDestroy
	void stop() {
		this.timers.shutdown();
		this.actions.shutdown();
	}

}

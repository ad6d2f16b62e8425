package io.wxhub.messageservice.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import io.wxhub.messageservice.delivery.CustomerServiceSender;
import io.wxhub.messageservice.routing.Router;
import io.wxhub.messageservice.routing.Rule;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.reply.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A decoded push, from rule to answer, once across replicas:
 * <ol>
 * <li>route: the first matching rule names the action;</li>
 * <li>an action that answers at once (templated reply, echo, none) is rendered and
 * published in one Redis call; the first replica to publish wins, every copy gets its
 * bytes;</li>
 * <li>a slow action is claimed; the claiming replica races it against the deadline: a
 * reply in time is the answer, otherwise WeChat gets an empty 200 and the reply goes out
 * later as a customer-service message;</li>
 * <li>a copy that finds the message claimed waits for that answer until its own deadline,
 * then answers empty and takes the message over should the claim lapse unanswered.</li>
 * </ol>
 * Every answer is stored before it is given, so later retries get the same bytes.
 */
@Component
public class PushPipeline {

	private static final Logger log = LoggerFactory.getLogger(PushPipeline.class);

	/** How long past a deadline a lapsed claim is still watched for. */
	private static final Duration LAPSE_WATCH = Duration.ofSeconds(2);

	private final Router router;

	private final DedupStore store;

	private final AnswerWatcher watcher;

	private final DeadlineRace race;

	private final CustomerServiceSender sender;

	private final MessageMetrics metrics;

	private final Executor actions;

	private final Duration deadline;

	private final Clock clock;

	PushPipeline(Router router, DedupStore store, AnswerWatcher watcher, DeadlineRace race,
			CustomerServiceSender sender, MessageMetrics metrics, @Qualifier(PushExecutors.ACTIONS) Executor actions,
			MessageServiceProperties properties, Clock clock) {
		this.router = router;
		this.store = store;
		this.watcher = watcher;
		this.race = race;
		this.sender = sender;
		this.metrics = metrics;
		this.actions = actions;
		this.deadline = properties.deadline();
		this.clock = clock;
	}

	/**
	 * The answer body for a message that arrived at {@code arrivedAt}, complete at once
	 * unless a slow action or another replica's work is awaited (then by the deadline at
	 * the latest); {@code render} turns a reply into the body (plain or encrypted). An
	 * empty string means an empty 200. Waiting holds no request thread.
	 */
	public CompletableFuture<String> process(String appId, InboundMessage message, Instant arrivedAt,
			Function<Reply, String> render) {
		Push push = new Push(appId, message, arrivedAt.plus(this.deadline), render);
		Optional<Rule> rule = this.router.match(appId, message);
		if (rule.isEmpty() || rule.get().action().type().isImmediate()) {
			return answerAtOnce(push, rule);
		}
		return claimOrAwait(push, rule.get());
	}

	private CompletableFuture<String> answerAtOnce(Push push, Optional<Rule> rule) {
		Answer ours;
		try {
			ours = Answer.of(rule.flatMap((r) -> this.router.run(r, push.appId(), push.message())), push.render());
		}
		catch (RuntimeException ex) {
			logFailure(push, ex);
			ours = Answer.FAILED;
		}
		DedupOutcome earlier = this.store.publish(push.appId(), push.key(), ours.body());
		if (earlier instanceof DedupOutcome.Unknown) {
			this.metrics.handled(push.appId(), push.message(), ours.outcome());
			return CompletableFuture.completedFuture(ours.body());
		}
		this.metrics.dedupHit(push.appId());
		// Pending: another replica claimed it for a slow action (its rules differ from
		// ours). Should that claim lapse, our answer is published after all.
		String body = ours.body();
		return answerOf(push, earlier, () -> CompletableFuture.completedFuture(publishOrEarlier(push, body)));
	}

	private CompletableFuture<String> claimOrAwait(Push push, Rule rule) {
		if (this.store.claim(push.appId(), push.key(), claimLease())) {
			return raceTheDeadline(push, rule);
		}
		this.metrics.dedupHit(push.appId());
		return answerOf(push, DedupOutcome.PENDING, () -> claimOrAwait(push, rule));
	}

	/**
	 * The answer of a message known to Redis: the stored bytes, or, while another replica
	 * works on it, that replica's answer once given. Empty if it is still pending at our
	 * deadline; {@code ifLapsed} if the claim lapses unanswered.
	 */
	private CompletableFuture<String> answerOf(Push push, DedupOutcome known,
			Supplier<CompletableFuture<String>> ifLapsed) {
		if (known instanceof DedupOutcome.Done done) {
			return CompletableFuture.completedFuture(done.body());
		}
		return this.watcher.await(push.appId(), push.key(), push.due()).thenCompose((outcome) -> {
			if (outcome instanceof DedupOutcome.Done done) {
				return CompletableFuture.completedFuture(done.body());
			}
			if (outcome instanceof DedupOutcome.Pending) {
				// Still pending at our deadline: the message must not be lost should the
				// replica working on it die before it answers.
				takeOverIfLapsed(push);
				return CompletableFuture.completedFuture("");
			}
			return ifLapsed.get();
		});
	}

	private CompletableFuture<String> raceTheDeadline(Push push, Rule rule) {
		return this.race
			.run(() -> Answer.of(this.router.run(rule, push.appId(), push.message()), push.render()), push.due(),
					(late) -> late.reply().ifPresent((reply) -> sendLate(push, reply)))
			.thenApply((finish) -> {
				Answer answer;
				if (finish instanceof DeadlineRace.Finish.InTime<Answer> inTime) {
					answer = inTime.result();
				}
				else if (finish instanceof DeadlineRace.Finish.Failed<Answer> failed) {
					logFailure(push, failed.failure());
					answer = Answer.FAILED;
				}
				else {
					// WeChat gets an empty answer now; the reply goes out late.
					answer = Answer.DEFERRED;
				}
				this.metrics.handled(push.appId(), push.message(), answer.outcome());
				this.store.complete(push.appId(), push.key(), answer.body());
				return answer.body();
			});
	}

	/**
	 * Runs the action of a message whose claim lapses unanswered; its reply goes late.
	 */
	private void takeOverIfLapsed(Push push) {
		Instant until = this.clock.instant().plus(this.deadline).plus(LAPSE_WATCH);
		this.watcher.await(push.appId(), push.key(), until).thenAcceptAsync((outcome) -> {
			if (outcome instanceof DedupOutcome.Unknown && this.store.claim(push.appId(), push.key(), claimLease())) {
				this.metrics.handled(push.appId(), push.message(), "taken_over");
				this.store.complete(push.appId(), push.key(), "");
				this.router.match(push.appId(), push.message())
					.flatMap((rule) -> this.router.run(rule, push.appId(), push.message()))
					.ifPresent((reply) -> sendLate(push, reply));
			}
		}, this.actions).exceptionally((failure) -> {
			logFailure(push, failure);
			return null;
		});
	}

	private String publishOrEarlier(Push push, String body) {
		DedupOutcome earlier = this.store.publish(push.appId(), push.key(), body);
		return (earlier instanceof DedupOutcome.Done done) ? done.body() : body;
	}

	private void sendLate(Push push, Reply reply) {
		this.sender.send(push.appId(), push.message().fromUserName(), reply);
	}

	private Duration claimLease() {
		return this.deadline.plusSeconds(1);
	}

	private static void logFailure(Push push, Throwable failure) {
		log.warn("Action for app {} failed: {}", push.appId(), failure.toString());
	}

	/** A message on its way through the pipeline. */
	private record Push(String appId, InboundMessage message, Instant due, Function<Reply, String> render) {

		String key() {
			return this.message.deduplicationKey();
		}

	}

	/**
	 * An action's answer: the reply (for late delivery), the body WeChat gets, and the
	 * outcome counted.
	 */
	private record Answer(Optional<Reply> reply, String body, String outcome) {

		static final Answer FAILED = new Answer(Optional.empty(), "", "failed");

		static final Answer DEFERRED = new Answer(Optional.empty(), "", "deferred");

		static Answer of(Optional<Reply> reply, Function<Reply, String> render) {
			String body = reply.map(render).orElse("");
			return new Answer(reply, body, body.isEmpty() ? "empty" : "replied");
		}

	}

}

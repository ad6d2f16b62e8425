package io.wxhub.messageservice.push;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

	private final Router router;

	private final DedupStore store;

	private final AnswerWatcher watcher;

	private final DeadlineRace race;

	private final ClaimTakeover takeover;

	private final CustomerServiceSender sender;

	private final MessageMetrics metrics;

	private final Duration deadline;

	PushPipeline(Router router, DedupStore store, AnswerWatcher watcher, DeadlineRace race, ClaimTakeover takeover,
			CustomerServiceSender sender, MessageMetrics metrics, MessageServiceProperties properties) {
		this.router = router;
		this.store = store;
		this.watcher = watcher;
		this.race = race;
		this.takeover = takeover;
		this.sender = sender;
		this.metrics = metrics;
		this.deadline = properties.deadline();
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
				this.takeover.watch(push.appId(), push.message());
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

	private String publishOrEarlier(Push push, String body) {
		DedupOutcome earlier = this.store.publish(push.appId(), push.key(), body);
		return (earlier instanceof DedupOutcome.Done done) ? done.body() : body;
	}

	private void sendLate(Push push, Reply reply) {
		this.sender.send(push.appId(), push.message().fromUserName(), reply);
	}

	private Duration claimLease() {
		return DedupStore.claimLease(this.deadline);
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

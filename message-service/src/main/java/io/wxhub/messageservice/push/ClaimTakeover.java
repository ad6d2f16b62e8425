package io.wxhub.messageservice.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import io.wxhub.messageservice.delivery.CustomerServiceSender;
import io.wxhub.messageservice.routing.Router;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.message.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Keeps a message from being lost when the replica working on it dies: a copy answered
 * empty while the message was still pending watches the claim a little past the deadline
 * and, should it lapse unanswered, claims the message, runs its action here and sends the
 * reply as a customer-service message.
 */
@Component
class ClaimTakeover {

	private static final Logger log = LoggerFactory.getLogger(ClaimTakeover.class);

	/** How long past a deadline a lapsed claim is still watched for. */
	private static final Duration LAPSE_WATCH = Duration.ofSeconds(2);

	private final DedupStore store;

	private final AnswerWatcher watcher;

	private final Router router;

	private final CustomerServiceSender sender;

	private final MessageMetrics metrics;

	private final Executor actions;

	private final Duration deadline;

	private final Clock clock;

	ClaimTakeover(DedupStore store, AnswerWatcher watcher, Router router, CustomerServiceSender sender,
			MessageMetrics metrics, @Qualifier(PushExecutors.ACTIONS) Executor actions,
			MessageServiceProperties properties, Clock clock) {
		this.store = store;
		this.watcher = watcher;
		this.router = router;
		this.sender = sender;
		this.metrics = metrics;
		this.actions = actions;
		this.deadline = properties.deadline();
		this.clock = clock;
	}

	/** Watches the claim on the message; holds no thread while watching. */
	void watch(String appId, InboundMessage message) {
		String key = message.deduplicationKey();
		Instant until = this.clock.instant().plus(this.deadline).plus(LAPSE_WATCH);
		this.watcher.await(appId, key, until).thenAcceptAsync((outcome) -> {
			if (outcome instanceof DedupOutcome.Unknown
					&& this.store.claim(appId, key, DedupStore.claimLease(this.deadline))) {
				this.metrics.handled(appId, message, "taken_over");
				this.store.complete(appId, key, "");
				this.router.match(appId, message)
					.flatMap((rule) -> this.router.run(rule, appId, message))
					.ifPresent((reply) -> this.sender.send(appId, message.fromUserName(), reply));
			}
		}, this.actions).exceptionally((failure) -> {
			log.warn("Taking over a message for app {} failed: {}", appId, failure.toString());
			return null;
		});
	}

}

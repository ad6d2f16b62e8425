package io.wxhub.messageservice;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.wxhub.messageservice.routing.MessageHandler;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.reply.TextReply;

import org.springframework.context.annotation.Bean;

/**
 * Handler beans for tests, added as an extra source (deliberately not a
 * {@code @Configuration}, so component scanning leaves it out of other contexts). Each
 * counts its invocations.
 */
class TestHandlers {

	static final AtomicInteger SLOW_CALLS = new AtomicInteger();

	static final AtomicInteger PAUSING_CALLS = new AtomicInteger();

	/** Takes 7 s: past WeChat's 5 s and the 4.5 s deadline. */
	@Bean
	MessageHandler slowHandler() {
		return (appId, message) -> {
			SLOW_CALLS.incrementAndGet();
			sleep(Duration.ofSeconds(7));
			return Optional.of(new TextReply("sorry for the wait: " + ((TextMessage) message).content()));
		};
	}

	/**
	 * Takes 3.5 s: longer than the sandbox's push timeout in the replica tests (3 s),
	 * within the deadline.
	 */
	@Bean
	MessageHandler pausingHandler() {
		return (appId, message) -> {
			PAUSING_CALLS.incrementAndGet();
			sleep(Duration.ofMillis(3500));
			return Optional.of(new TextReply("thought about it: " + ((TextMessage) message).content()));
		};
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

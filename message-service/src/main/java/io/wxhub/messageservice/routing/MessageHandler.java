package io.wxhub.messageservice.routing;

import java.util.Optional;

import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.reply.Reply;

/**
 * Business logic as a Spring bean, named by a rule's {@code bean} action. May take its
 * time: a reply not ready by the deadline is delivered later as a customer-service
 * message.
 * <p>
 * Called once per message while replicas live. Should the replica running it die, another
 * replica calls it again for the same message: a handler with effects beyond its reply
 * keys them on {@code appId} and {@link InboundMessage#deduplicationKey()}.
 */
@FunctionalInterface
public interface MessageHandler {

	/** The reply to the message, or empty for none. */
	Optional<Reply> handle(String appId, InboundMessage message);

}

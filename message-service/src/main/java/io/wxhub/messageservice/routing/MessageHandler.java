package io.wxhub.messageservice.routing;

import java.util.Optional;

import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.reply.Reply;

/**
 * Business logic as a Spring bean, named by a rule's {@code bean} action. May take its
 * time: a reply not ready by the deadline is delivered later as a customer-service
 * message.
 */
@FunctionalInterface
public interface MessageHandler {

	/** The reply to the message, or empty for none. */
	Optional<Reply> handle(String appId, InboundMessage message);

}

package io.wxhub.protocol.reply;

import java.util.Objects;

import io.wxhub.protocol.message.MessageHeader;

/**
 * A reply together with its addressing elements, as carried on the wire.
 *
 * @param header {@code ToUserName} (the follower), {@code FromUserName} (the account) and
 * {@code CreateTime}
 * @param reply the reply
 */
public record ReplyEnvelope(MessageHeader header, Reply reply) {

	public ReplyEnvelope {
		Objects.requireNonNull(header, "header must not be null");
		Objects.requireNonNull(reply, "reply must not be null");
	}

}

package io.wxhub.protocol.reply;

import java.util.Objects;

/**
 * A text reply.
 *
 * @param content {@code Content}: the text
 */
public record TextReply(String content) implements Reply {

	/** The {@code MsgType} of this reply. */
	public static final String TYPE = "text";

	public TextReply {
		Objects.requireNonNull(content, "content must not be null");
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

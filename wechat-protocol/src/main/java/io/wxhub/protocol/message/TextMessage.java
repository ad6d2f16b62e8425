package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A text message ({@code MsgType=text}).
 *
 * @param header the addressing elements
 * @param content {@code Content}: the text
 * @param msgId {@code MsgId}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record TextMessage(MessageHeader header, String content, Long msgId,
		Map<String, String> fields) implements InboundMessage {

	/** The {@code MsgType} of text messages. */
	public static final String TYPE = "text";

	public TextMessage {
		WireFields.required(content, "content");
		fields = WireFields.of(header, TYPE, null, fields, "Content", content, "MsgId", msgId);
	}

	/**
	 * Create a text message without extra elements.
	 * @param header the addressing elements
	 * @param content the text
	 * @param msgId the message id, or {@code null}
	 */
	public TextMessage(MessageHeader header, String content, Long msgId) {
		this(header, content, msgId, Map.of());
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A message of a type without a dedicated record, such as {@code miniprogrampage}. All
 * its elements are in {@link #fields()}.
 *
 * @param header the addressing elements
 * @param msgType {@code MsgType}; never {@code event}
 * @param msgId {@code MsgId}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record GenericMessage(MessageHeader header, String msgType, Long msgId,
		Map<String, String> fields) implements InboundMessage {

	public GenericMessage {
		WireFields.required(msgType, "msgType");
		if (InboundEvent.MSG_TYPE.equals(msgType)) {
			throw new IllegalArgumentException("Use GenericEvent for MsgType event");
		}
		fields = WireFields.of(header, msgType, null, fields, "MsgId", msgId);
	}

}

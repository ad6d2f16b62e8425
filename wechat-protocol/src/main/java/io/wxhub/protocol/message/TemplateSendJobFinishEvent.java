package io.wxhub.protocol.message;

import java.util.Map;

/**
 * The delivery result of a template message ({@code Event=TEMPLATESENDJOBFINISH}).
 *
 * @param header the addressing elements
 * @param msgId {@code MsgID}: the {@code msgid} returned by the send call
 * @param status {@code Status}: {@code success}, {@code failed:user block} or
 * {@code failed: system failed}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record TemplateSendJobFinishEvent(MessageHeader header, Long msgId, String status,
		Map<String, String> fields) implements InboundEvent {

	/** The {@code Event} value. */
	public static final String EVENT = "TEMPLATESENDJOBFINISH";

	public TemplateSendJobFinishEvent {
		WireFields.required(msgId, "msgId");
		WireFields.required(status, "status");
		fields = WireFields.of(header, MSG_TYPE, EVENT, fields, "MsgID", msgId, "Status", status);
	}

	/**
	 * Create a template job event without extra elements.
	 * @param header the addressing elements
	 * @param msgId the template message id
	 * @param status the delivery status
	 */
	public TemplateSendJobFinishEvent(MessageHeader header, Long msgId, String status) {
		this(header, msgId, status, Map.of());
	}

	@Override
	public String event() {
		return EVENT;
	}

	/**
	 * Whether the message was delivered.
	 * @return whether {@code Status} is {@code success}
	 */
	public boolean isSuccess() {
		return "success".equals(this.status);
	}

}

package io.wxhub.protocol.message;

import java.util.Map;

/**
 * An event without a dedicated record, such as {@code scancode_push} or
 * {@code subscribe_msg_popup_event}. All its elements are in {@link #fields()}.
 *
 * @param header the addressing elements
 * @param event {@code Event}, in WeChat's exact case
 * @param eventKey {@code EventKey}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record GenericEvent(MessageHeader header, String event, String eventKey,
		Map<String, String> fields) implements InboundEvent {

	public GenericEvent {
		WireFields.required(event, "event");
		fields = WireFields.of(header, MSG_TYPE, event, fields, "EventKey", eventKey);
	}

}

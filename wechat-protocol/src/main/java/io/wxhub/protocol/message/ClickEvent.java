package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A follower clicked a {@code click} menu button ({@code Event=CLICK}).
 *
 * @param header the addressing elements
 * @param eventKey {@code EventKey}: the button's {@code key}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record ClickEvent(MessageHeader header, String eventKey, Map<String, String> fields) implements InboundEvent {

	/** The {@code Event} value. */
	public static final String EVENT = "CLICK";

	public ClickEvent {
		WireFields.required(eventKey, "eventKey");
		fields = WireFields.of(header, MSG_TYPE, EVENT, fields, "EventKey", eventKey);
	}

	/**
	 * Create a click event without extra elements.
	 * @param header the addressing elements
	 * @param eventKey the button key
	 */
	public ClickEvent(MessageHeader header, String eventKey) {
		this(header, eventKey, Map.of());
	}

	@Override
	public String event() {
		return EVENT;
	}

}

package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A follower clicked a {@code view} menu button ({@code Event=VIEW}).
 *
 * @param header the addressing elements
 * @param eventKey {@code EventKey}: the button's URL
 * @param menuId {@code MenuId}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record ViewEvent(MessageHeader header, String eventKey, String menuId,
		Map<String, String> fields) implements InboundEvent {

	/** The {@code Event} value. */
	public static final String EVENT = "VIEW";

	public ViewEvent {
		WireFields.required(eventKey, "eventKey");
		fields = WireFields.of(header, MSG_TYPE, EVENT, fields, "EventKey", eventKey, "MenuId", menuId);
	}

	/**
	 * Create a view event without extra elements.
	 * @param header the addressing elements
	 * @param eventKey the button URL
	 * @param menuId the menu id, or {@code null}
	 */
	public ViewEvent(MessageHeader header, String eventKey, String menuId) {
		this(header, eventKey, menuId, Map.of());
	}

	@Override
	public String event() {
		return EVENT;
	}

}

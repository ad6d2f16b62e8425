package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A follower scanned a parametric QR code ({@code Event=SCAN}).
 *
 * @param header the addressing elements
 * @param eventKey {@code EventKey}: the scene value, without prefix
 * @param ticket {@code Ticket} of the QR code, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record ScanEvent(MessageHeader header, String eventKey, String ticket,
		Map<String, String> fields) implements InboundEvent {

	/** The {@code Event} value. */
	public static final String EVENT = "SCAN";

	public ScanEvent {
		WireFields.required(eventKey, "eventKey");
		fields = WireFields.of(header, MSG_TYPE, EVENT, fields, "EventKey", eventKey, "Ticket", ticket);
	}

	/**
	 * Create a scan event without extra elements.
	 * @param header the addressing elements
	 * @param eventKey the scene value
	 * @param ticket the QR ticket, or {@code null}
	 */
	public ScanEvent(MessageHeader header, String eventKey, String ticket) {
		this(header, eventKey, ticket, Map.of());
	}

	@Override
	public String event() {
		return EVENT;
	}

}

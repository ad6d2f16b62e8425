package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A user followed the account ({@code Event=subscribe}), possibly by scanning a
 * parametric QR code.
 *
 * @param header the addressing elements
 * @param eventKey {@code EventKey}: {@code qrscene_} plus the scene for QR follows, else
 * {@code null}
 * @param ticket {@code Ticket} of the QR code, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record SubscribeEvent(MessageHeader header, String eventKey, String ticket,
		Map<String, String> fields) implements InboundEvent {

	/** The {@code Event} value. */
	public static final String EVENT = "subscribe";

	/** The prefix WeChat puts before the scene value in {@code EventKey}. */
	public static final String QR_SCENE_PREFIX = "qrscene_";

	public SubscribeEvent {
		fields = WireFields.of(header, MSG_TYPE, EVENT, fields, "EventKey", eventKey, "Ticket", ticket);
	}

	/**
	 * Create a subscribe event without extra elements.
	 * @param header the addressing elements
	 * @param eventKey the event key, or {@code null}
	 * @param ticket the QR ticket, or {@code null}
	 */
	public SubscribeEvent(MessageHeader header, String eventKey, String ticket) {
		this(header, eventKey, ticket, Map.of());
	}

	@Override
	public String event() {
		return EVENT;
	}

	/**
	 * Return the QR code's scene ({@code scene_id} or {@code scene_str}) with the
	 * {@code qrscene_} prefix removed.
	 * @return the scene, or {@code null} if the follow did not come from a QR code
	 */
	public String qrScene() {
		if (this.eventKey == null || !this.eventKey.startsWith(QR_SCENE_PREFIX)) {
			return null;
		}
		return this.eventKey.substring(QR_SCENE_PREFIX.length());
	}

}

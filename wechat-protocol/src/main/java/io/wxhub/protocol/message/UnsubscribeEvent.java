package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A user unfollowed the account ({@code Event=unsubscribe}); a reply would not be
 * delivered.
 *
 * @param header the addressing elements
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record UnsubscribeEvent(MessageHeader header, Map<String, String> fields) implements InboundEvent {

	/** The {@code Event} value. */
	public static final String EVENT = "unsubscribe";

	public UnsubscribeEvent {
		fields = WireFields.of(header, MSG_TYPE, EVENT, fields);
	}

	/**
	 * Create an unsubscribe event without extra elements.
	 * @param header the addressing elements
	 */
	public UnsubscribeEvent(MessageHeader header) {
		this(header, Map.of());
	}

	@Override
	public String event() {
		return EVENT;
	}

}

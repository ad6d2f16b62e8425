package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A follower's location, reported automatically when they open the chat
 * ({@code Event=LOCATION}).
 *
 * @param header the addressing elements
 * @param latitude {@code Latitude}
 * @param longitude {@code Longitude}
 * @param precision {@code Precision}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record LocationEvent(MessageHeader header, double latitude, double longitude, Double precision,
		Map<String, String> fields) implements InboundEvent {

	/** The {@code Event} value. */
	public static final String EVENT = "LOCATION";

	public LocationEvent {
		fields = WireFields.of(header, MSG_TYPE, EVENT, fields, "Latitude", latitude, "Longitude", longitude,
				"Precision", precision);
	}

	/**
	 * Create a location event without extra elements.
	 * @param header the addressing elements
	 * @param latitude the latitude
	 * @param longitude the longitude
	 * @param precision the precision, or {@code null}
	 */
	public LocationEvent(MessageHeader header, double latitude, double longitude, Double precision) {
		this(header, latitude, longitude, precision, Map.of());
	}

	@Override
	public String event() {
		return EVENT;
	}

}

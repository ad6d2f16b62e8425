package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A location shared by a follower ({@code MsgType=location}).
 *
 * @param header the addressing elements
 * @param latitude {@code Location_X}
 * @param longitude {@code Location_Y}
 * @param scale {@code Scale}: the map zoom level, or {@code null}
 * @param label {@code Label}: the place description, or {@code null}
 * @param msgId {@code MsgId}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record LocationMessage(MessageHeader header, double latitude, double longitude, Integer scale, String label,
		Long msgId, Map<String, String> fields) implements InboundMessage {

	/** The {@code MsgType} of location messages. */
	public static final String TYPE = "location";

	public LocationMessage {
		fields = WireFields.of(header, TYPE, null, fields, "Location_X", latitude, "Location_Y", longitude, "Scale",
				scale, "Label", label, "MsgId", msgId);
	}

	/**
	 * Create a location message without extra elements.
	 * @param header the addressing elements
	 * @param latitude the latitude
	 * @param longitude the longitude
	 * @param scale the zoom level, or {@code null}
	 * @param label the place description, or {@code null}
	 * @param msgId the message id, or {@code null}
	 */
	public LocationMessage(MessageHeader header, double latitude, double longitude, Integer scale, String label,
			Long msgId) {
		this(header, latitude, longitude, scale, label, msgId, Map.of());
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

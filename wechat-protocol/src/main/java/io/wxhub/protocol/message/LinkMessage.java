package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A link shared by a follower ({@code MsgType=link}).
 *
 * @param header the addressing elements
 * @param title {@code Title}, or {@code null}
 * @param description {@code Description}, or {@code null}
 * @param url {@code Url}
 * @param msgId {@code MsgId}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record LinkMessage(MessageHeader header, String title, String description, String url, Long msgId,
		Map<String, String> fields) implements InboundMessage {

	/** The {@code MsgType} of link messages. */
	public static final String TYPE = "link";

	public LinkMessage {
		WireFields.required(url, "url");
		fields = WireFields.of(header, TYPE, null, fields, "Title", title, "Description", description, "Url", url,
				"MsgId", msgId);
	}

	/**
	 * Create a link message without extra elements.
	 * @param header the addressing elements
	 * @param title the title, or {@code null}
	 * @param description the description, or {@code null}
	 * @param url the link
	 * @param msgId the message id, or {@code null}
	 */
	public LinkMessage(MessageHeader header, String title, String description, String url, Long msgId) {
		this(header, title, description, url, msgId, Map.of());
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A video message ({@code MsgType=video}).
 *
 * @param header the addressing elements
 * @param mediaId {@code MediaId}: the id for {@code /cgi-bin/media/get}
 * @param thumbMediaId {@code ThumbMediaId}: the thumbnail's media id, or {@code null}
 * @param msgId {@code MsgId}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record VideoMessage(MessageHeader header, String mediaId, String thumbMediaId, Long msgId,
		Map<String, String> fields) implements InboundMessage {

	/** The {@code MsgType} of video messages. */
	public static final String TYPE = "video";

	public VideoMessage {
		WireFields.required(mediaId, "mediaId");
		fields = WireFields.of(header, TYPE, null, fields, "MediaId", mediaId, "ThumbMediaId", thumbMediaId, "MsgId",
				msgId);
	}

	/**
	 * Create a video message without extra elements.
	 * @param header the addressing elements
	 * @param mediaId the media id
	 * @param thumbMediaId the thumbnail's media id, or {@code null}
	 * @param msgId the message id, or {@code null}
	 */
	public VideoMessage(MessageHeader header, String mediaId, String thumbMediaId, Long msgId) {
		this(header, mediaId, thumbMediaId, msgId, Map.of());
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

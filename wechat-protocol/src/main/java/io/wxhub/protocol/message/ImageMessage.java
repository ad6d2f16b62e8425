package io.wxhub.protocol.message;

import java.util.Map;

/**
 * An image message ({@code MsgType=image}).
 *
 * @param header the addressing elements
 * @param picUrl {@code PicUrl}: a link to the picture, or {@code null}
 * @param mediaId {@code MediaId}: the id for {@code /cgi-bin/media/get}
 * @param msgId {@code MsgId}, or {@code null}
 * @param fields all elements, see {@link InboundMessage#fields()}
 */
public record ImageMessage(MessageHeader header, String picUrl, String mediaId, Long msgId,
		Map<String, String> fields) implements InboundMessage {

	/** The {@code MsgType} of image messages. */
	public static final String TYPE = "image";

	public ImageMessage {
		WireFields.required(mediaId, "mediaId");
		fields = WireFields.of(header, TYPE, null, fields, "PicUrl", picUrl, "MediaId", mediaId, "MsgId", msgId);
	}

	/**
	 * Create an image message without extra elements.
	 * @param header the addressing elements
	 * @param picUrl a link to the picture, or {@code null}
	 * @param mediaId the media id
	 * @param msgId the message id, or {@code null}
	 */
	public ImageMessage(MessageHeader header, String picUrl, String mediaId, Long msgId) {
		this(header, picUrl, mediaId, msgId, Map.of());
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

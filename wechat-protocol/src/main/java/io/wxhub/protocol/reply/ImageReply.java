package io.wxhub.protocol.reply;

import java.util.Objects;

/**
 * An image reply; the image must be uploaded as media first.
 *
 * @param mediaId {@code Image.MediaId}
 */
public record ImageReply(String mediaId) implements Reply {

	/** The {@code MsgType} of this reply. */
	public static final String TYPE = "image";

	public ImageReply {
		Objects.requireNonNull(mediaId, "mediaId must not be null");
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

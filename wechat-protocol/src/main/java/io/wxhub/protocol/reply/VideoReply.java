package io.wxhub.protocol.reply;

import java.util.Objects;

/**
 * A video reply; the video must be uploaded as media first.
 *
 * @param mediaId {@code Video.MediaId}
 * @param title {@code Video.Title}, or {@code null}
 * @param description {@code Video.Description}, or {@code null}
 */
public record VideoReply(String mediaId, String title, String description) implements Reply {

	/** The {@code MsgType} of this reply. */
	public static final String TYPE = "video";

	public VideoReply {
		Objects.requireNonNull(mediaId, "mediaId must not be null");
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

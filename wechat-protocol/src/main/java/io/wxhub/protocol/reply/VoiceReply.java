package io.wxhub.protocol.reply;

import java.util.Objects;

/**
 * A voice reply; the audio must be uploaded as media first.
 *
 * @param mediaId {@code Voice.MediaId}
 */
public record VoiceReply(String mediaId) implements Reply {

	/** The {@code MsgType} of this reply. */
	public static final String TYPE = "voice";

	public VoiceReply {
		Objects.requireNonNull(mediaId, "mediaId must not be null");
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

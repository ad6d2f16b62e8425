package io.wxhub.protocol.reply;

import java.util.Objects;

/**
 * A music reply.
 *
 * @param title {@code Music.Title}, or {@code null}
 * @param description {@code Music.Description}, or {@code null}
 * @param musicUrl {@code Music.MusicUrl}, or {@code null}
 * @param hqMusicUrl {@code Music.HQMusicUrl}: the high-quality link used on Wi-Fi, or
 * {@code null}
 * @param thumbMediaId {@code Music.ThumbMediaId}: the uploaded thumbnail
 */
public record MusicReply(String title, String description, String musicUrl, String hqMusicUrl,
		String thumbMediaId) implements Reply {

	/** The {@code MsgType} of this reply. */
	public static final String TYPE = "music";

	public MusicReply {
		Objects.requireNonNull(thumbMediaId, "thumbMediaId must not be null");
	}

	@Override
	public String msgType() {
		return TYPE;
	}

}

package io.wxhub.sandbox.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The temporary media types with WeChat's size limits.
 */
public enum MediaKind {

	/** Images (PNG, JPEG, GIF): 10 MB. */
	IMAGE("image", 10 * 1024 * 1024, "jpg"),
	/** Voice (AMR, MP3): 2 MB. */
	VOICE("voice", 2 * 1024 * 1024, "amr"),
	/** Video (MP4): 10 MB. */
	VIDEO("video", 10 * 1024 * 1024, "mp4"),
	/** Thumbnails (JPEG): 64 KB. */
	THUMB("thumb", 64 * 1024, "jpg");

	private final String wireName;

	private final long maxBytes;

	private final String extension;

	MediaKind(String wireName, long maxBytes, String extension) {
		this.wireName = wireName;
		this.maxBytes = maxBytes;
		this.extension = extension;
	}

	/**
	 * @param type WeChat's {@code type} parameter
	 * @return the kind, empty when WeChat does not know it (40004)
	 */
	public static Optional<MediaKind> of(String type) {
		return Arrays.stream(values()).filter((kind) -> kind.wireName.equals(type)).findFirst();
	}

	/**
	 * @return the name in WeChat's {@code type} parameter and answers
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * @return the largest file WeChat accepts
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * @return the file extension used when the upload's file name has none
	 */
	public String extension() {
		return this.extension;
	}

}

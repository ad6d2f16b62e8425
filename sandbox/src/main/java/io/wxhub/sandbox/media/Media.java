package io.wxhub.sandbox.media;

import java.time.Instant;
import java.util.Locale;

/**
 * One uploaded temporary media file.
 *
 * @param mediaId its {@code media_id}
 * @param appId the app that uploaded it
 * @param kind its type
 * @param filename the file name of the upload, possibly {@code null}
 * @param contentType the Content-Type of the upload
 * @param content the bytes uploaded
 * @param createdAt when it was uploaded
 */
public record Media(String mediaId, String appId, MediaKind kind, String filename, String contentType, byte[] content,
		Instant createdAt) {

	/**
	 * @return the extension of the upload's file name, else the usual one of its type
	 */
	public String extension() {
		int dot = (this.filename != null) ? this.filename.lastIndexOf('.') : -1;
		String extension = (dot >= 0) ? this.filename.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
		return extension.matches("[a-z0-9]{1,8}") ? extension : this.kind.extension();
	}

}

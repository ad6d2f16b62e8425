package io.wxhub.sandbox.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The picture formats WeChat takes for images, recognised by their signature bytes.
 */
enum ImageFormat {

	PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
	JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
	GIF87("image/gif", "gif", new byte[] { 'G', 'I', 'F', '8', '7', 'a' }),
	GIF89("image/gif", "gif", new byte[] { 'G', 'I', 'F', '8', '9', 'a' });

	private final String contentType;

	private final String extension;

	private final byte[] signature;

	ImageFormat(String contentType, String extension, byte[] signature) {
		this.contentType = contentType;
		this.extension = extension;
		this.signature = signature;
	}

	static Optional<ImageFormat> of(byte[] content) {
		return Arrays.stream(values())
			.filter((format) -> content.length > format.signature.length
					&& Arrays.equals(content, 0, format.signature.length, format.signature, 0, format.signature.length))
			.findFirst();
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

}

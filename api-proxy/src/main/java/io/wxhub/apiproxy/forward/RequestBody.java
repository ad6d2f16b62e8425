package io.wxhub.apiproxy.forward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.FileEntity;

import org.springframework.http.HttpStatus;

/**
 * A request body read once and replayable, so a call WeChat refused with an expired token
 * can be sent again: kept in memory up to 1 MiB, spooled to a temporary file beyond
 * (media uploads). Bodies above the configured maximum are refused with 413.
 */
final class RequestBody implements AutoCloseable {

	private static final int IN_MEMORY_LIMIT = 1 << 20;

	private final byte[] bytes;

	private final Path file;

	private final long length;

	private RequestBody(byte[] bytes, Path file, long length) {
		this.bytes = bytes;
		this.file = file;
		this.length = length;
	}

	static RequestBody read(InputStream in, long declaredLength, long maxSize) throws IOException {
		if (declaredLength > maxSize) {
			throw tooLarge(maxSize);
		}
		ByteArrayOutputStream memory = new ByteArrayOutputStream();
		long copied = copy(in, memory, IN_MEMORY_LIMIT + 1L);
		if (copied <= IN_MEMORY_LIMIT) {
			return new RequestBody(memory.toByteArray(), null, copied);
		}
		Path file = Files.createTempFile("wxhub-body-", ".bin");
		try (OutputStream out = Files.newOutputStream(file)) {
			memory.writeTo(out);
			long total = copied + copy(in, out, maxSize - copied + 1);
			if (total > maxSize) {
				throw tooLarge(maxSize);
			}
			return new RequestBody(null, file, total);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	long length() {
		return this.length;
	}

	/**
	 * A repeatable entity over the same bytes, for each attempt. It carries no content
	 * type: the caller's Content-Type header is forwarded as it came.
	 */
	HttpEntity entity() {
		return (this.bytes != null) ? new ByteArrayEntity(this.bytes, null)
				: new FileEntity(this.file.toFile(), (ContentType) null);
	}

	@Override
	public void close() throws IOException {
		if (this.file != null) {
			Files.deleteIfExists(this.file);
		}
	}

	private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[16384];
		long total = 0;
		int read;
		while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
			out.write(buffer, 0, read);
			total += read;
		}
		return total;
	}

	private static ProxyProblem tooLarge(long maxSize) {
		return new ProxyProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
				"Request bodies are limited to " + maxSize + " bytes");
	}

}

package io.wxhub.apiproxy.forward;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * WeChat's answer as it arrives: status, headers and the body stream, which must be
 * closed to give the connection back to the pool.
 *
 * @param status the HTTP status
 * @param headers name and value pairs
 * @param body the body stream (empty when there is none)
 * @param closer releases the connection
 */
record UpstreamResponse(int status, List<String[]> headers, InputStream body,
		AutoCloseable closer) implements AutoCloseable {

	/** The first value of a header, or null. */
	String header(String name) {
		return this.headers.stream()
			.filter((h) -> h[0].equalsIgnoreCase(name))
			.map((h) -> h[1])
			.findFirst()
			.orElse(null);
	}

	@Override
	public void close() throws IOException {
		try {
			this.closer.close();
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException(ex);
		}
	}

}

package io.wxhub.sandbox.apicall;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Passes an answer through untouched while keeping a copy of its first {@value #KEPT}
 * bytes, enough for WeChat's error JSON; a bigger answer (a media download, a follower
 * list) is not kept at all, so it is never parsed.
 */
final class AnswerCapture extends HttpServletResponseWrapper {

	static final int KEPT = 4096;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final StringBuilder chars = new StringBuilder();

	private boolean overflow;

	private ServletOutputStream stream;

	private PrintWriter writer;

	AnswerCapture(HttpServletResponse response) {
		super(response);
	}

	/**
	 * @return the whole answer when it was small, else {@code null}
	 */
	String smallBody() {
		return this.overflow ? null : this.bytes.toString(StandardCharsets.UTF_8) + this.chars;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.stream == null) {
			this.stream = new TeeStream(super.getOutputStream());
		}
		return this.stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.writer = new PrintWriter(super.getWriter()) {

				@Override
				public void write(int c) {
					keep(String.valueOf((char) c));
					super.write(c);
				}

				@Override
				public void write(char[] buffer, int offset, int length) {
					keep(new String(buffer, offset, length));
					super.write(buffer, offset, length);
				}

				@Override
				public void write(String text, int offset, int length) {
					keep(text.substring(offset, offset + length));
					super.write(text, offset, length);
				}

			};
		}
		return this.writer;
	}

	private void keep(String text) {
		if (!this.overflow && this.chars.length() + this.bytes.size() + text.length() <= KEPT) {
			this.chars.append(text);
		}
		else {
			drop();
		}
	}

	private void keep(byte[] buffer, int offset, int length) {
		if (!this.overflow && this.chars.length() + this.bytes.size() + length <= KEPT) {
			this.bytes.write(buffer, offset, length);
		}
		else {
			drop();
		}
	}

	private void drop() {
		this.overflow = true;
		this.bytes.reset();
		this.chars.setLength(0);
	}

	private final class TeeStream extends ServletOutputStream {

		private final ServletOutputStream target;

		TeeStream(ServletOutputStream target) {
			this.target = target;
		}

		@Override
		public void write(int b) throws IOException {
			keep(new byte[] { (byte) b }, 0, 1);
			this.target.write(b);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			keep(buffer, offset, length);
			this.target.write(buffer, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.target.flush();
		}

		@Override
		public void close() throws IOException {
			this.target.close();
		}

		@Override
		public boolean isReady() {
			return this.target.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.target.setWriteListener(listener);
		}

	}

}

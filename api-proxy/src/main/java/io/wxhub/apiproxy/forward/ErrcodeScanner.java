package io.wxhub.apiproxy.forward;

import io.netty.buffer.ByteBuf;

/**
 * Finds the top-level {@code errcode} of a JSON answer without building a tree: WeChat
 * reports failures as HTTP 200 with {@code errcode != 0}. Anything that is not a JSON
 * object with a numeric errcode counts as 0.
 */
final class ErrcodeScanner {

	private static final byte[] NAME = "errcode".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final ByteBuf json;

	private int at;

	private ErrcodeScanner(ByteBuf json) {
		this.json = json;
		this.at = json.readerIndex();
	}

	static int errcode(ByteBuf json) {
		try {
			return new ErrcodeScanner(json).topLevelErrcode();
		}
		catch (IndexOutOfBoundsException | NumberFormatException ex) {
			return 0;
		}
	}

	private int topLevelErrcode() {
		if (next() != '{') {
			return 0;
		}
		while (true) {
			byte c = next();
			if (c != '"') {
				return 0;
			}
			int nameStart = this.at;
			skipString();
			boolean isErrcode = matches(nameStart, this.at - 1);
			if (next() != ':') {
				return 0;
			}
			if (isErrcode) {
				return number();
			}
			skipValue();
			c = next();
			if (c != ',') {
				return 0;
			}
		}
	}

	private boolean matches(int from, int to) {
		if (to - from != NAME.length) {
			return false;
		}
		for (int i = 0; i < NAME.length; i++) {
			if (byteAt(from + i) != NAME[i]) {
				return false;
			}
		}
		return true;
	}

	private int number() {
		byte c = next();
		int sign = 1;
		if (c == '-') {
			sign = -1;
			c = byteAt(this.at++);
		}
		if (c < '0' || c > '9') {
			return 0;
		}
		long value = 0;
		while (c >= '0' && c <= '9' && value < Integer.MAX_VALUE) {
			value = value * 10 + (c - '0');
			c = byteAt(this.at++);
		}
		return (int) (sign * value);
	}

	/** Skips a value: a string, an object or array (brackets counted), or a literal. */
	private void skipValue() {
		byte c = next();
		if (c == '"') {
			skipString();
			return;
		}
		if (c == '{' || c == '[') {
			int depth = 1;
			while (depth > 0) {
				c = byteAt(this.at++);
				if (c == '"') {
					skipString();
				}
				else if (c == '{' || c == '[') {
					depth++;
				}
				else if (c == '}' || c == ']') {
					depth--;
				}
			}
			return;
		}
		while (true) {
			c = byteAt(this.at);
			if (c == ',' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
				return;
			}
			this.at++;
		}
	}

	/** After an opening quote: moves past the closing one. */
	private void skipString() {
		while (true) {
			byte c = byteAt(this.at++);
			if (c == '\\') {
				this.at++;
			}
			else if (c == '"') {
				return;
			}
		}
	}

	private byte byteAt(int index) {
		if (index >= this.json.writerIndex()) {
			throw new IndexOutOfBoundsException(index);
		}
		return this.json.getByte(index);
	}

	/** The next byte that is not white space. */
	private byte next() {
		byte c;
		do {
			c = byteAt(this.at++);
		}
		while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
		return c;
	}

}

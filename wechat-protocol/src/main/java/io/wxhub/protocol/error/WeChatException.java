package io.wxhub.protocol.error;

import java.util.Objects;

/**
 * A WeChat API call returned a non-zero {@code errcode}.
 */
public class WeChatException extends RuntimeException {

	private final WeChatError error;

	/**
	 * Create an exception for the given error.
	 * @param error the error returned by WeChat
	 */
	public WeChatException(WeChatError error) {
		this(error, null);
	}

	/**
	 * Create an exception for the given error and cause.
	 * @param error the error returned by WeChat
	 * @param cause the underlying cause, or {@code null}
	 */
	public WeChatException(WeChatError error, Throwable cause) {
		super(describe(error), cause);
		this.error = error;
	}

	private static String describe(WeChatError error) {
		Objects.requireNonNull(error, "error must not be null");
		return "WeChat error " + error.errcode() + ": " + error.errmsg();
	}

	/**
	 * Return the error returned by WeChat.
	 * @return the error
	 */
	public WeChatError getError() {
		return this.error;
	}

}

package io.wxhub.protocol.error;

import java.util.Optional;

/**
 * The {@code (errcode, errmsg)} pair of a WeChat API response.
 *
 * @param errcode the numeric code; 0 means success
 * @param errmsg the message as sent, possibly with a {@code rid} suffix
 */
public record WeChatError(int errcode, String errmsg) {

	/**
	 * Create the error WeChat sends for a known code.
	 * @param code the code
	 * @return the error with the code's standard message
	 */
	public static WeChatError of(WeChatErrorCode code) {
		return new WeChatError(code.code(), code.errmsg());
	}

	/**
	 * Create a {@code -1} error for a failure WeChat did not answer with an errcode (a
	 * 5xx, a timeout, an unreadable body): like WeChat's own {@code -1}, worth retrying.
	 * @param description what went wrong, in place of WeChat's errmsg
	 * @return the error
	 */
	public static WeChatError systemError(String description) {
		return new WeChatError(WeChatErrorCode.SYSTEM_ERROR.code(), description);
	}

	/**
	 * Whether this is the success value ({@code errcode == 0}).
	 * @return whether the call succeeded
	 */
	public boolean isOk() {
		return this.errcode == 0;
	}

	/**
	 * Return the known code, if {@link WeChatErrorCode} lists it.
	 * @return the code, or empty for unlisted codes
	 */
	public Optional<WeChatErrorCode> code() {
		return WeChatErrorCode.of(this.errcode);
	}

	/**
	 * Whether the call may be retried later ({@code -1}).
	 * @return whether to retry
	 */
	public boolean isRetryable() {
		return code().map(WeChatErrorCode::isRetryable).orElse(false);
	}

	/**
	 * Whether the access_token used is invalid, superseded or expired.
	 * @return whether a fresh token is needed
	 */
	public boolean isTokenInvalid() {
		return code().map(WeChatErrorCode::isTokenInvalid).orElse(false);
	}

	/**
	 * Whether the account's credentials or console settings are wrong, so retrying cannot
	 * help until an operator acts.
	 * @return whether this is a configuration error
	 */
	public boolean isConfigurationError() {
		return code().map(WeChatErrorCode::isConfigurationError).orElse(false);
	}

	/**
	 * Whether the daily API quota is exhausted (45009).
	 * @return whether the quota is used up
	 */
	public boolean isQuotaExhausted() {
		return code().map(WeChatErrorCode::isQuotaExhausted).orElse(false);
	}

}

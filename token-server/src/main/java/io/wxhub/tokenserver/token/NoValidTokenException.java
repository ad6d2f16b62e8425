package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.util.Optional;

import io.wxhub.protocol.error.WeChatError;

/**
 * No valid credential can be served now. Answered as 503 with {@code Retry-After}, and
 * with WeChat's errcode and errmsg when WeChat's refusal is the cause.
 */
public class NoValidTokenException extends RuntimeException {

	private final WeChatError weChatError;

	private final Duration retryAfter;

	/**
	 * @param detail what is unavailable and why
	 * @param weChatError WeChat's refusal behind it, or null
	 * @param retryAfter when to ask again
	 */
	public NoValidTokenException(String detail, WeChatError weChatError, Duration retryAfter) {
		super(detail);
		this.weChatError = weChatError;
		this.retryAfter = retryAfter;
	}

	/** Built from the failure that blocks refreshes. */
	static NoValidTokenException of(TokenKey key, RefreshFailure failure, Duration retryAfter) {
		return new NoValidTokenException("No valid " + key.kind().key() + " for " + key.appId() + ": refresh failed ("
				+ failure.kind().name().toLowerCase() + ")", failure.error(), retryAfter);
	}

	/** WeChat's refusal behind it, if WeChat refused. */
	public Optional<WeChatError> weChatError() {
		return Optional.ofNullable(this.weChatError);
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}

package io.wxhub.tokenserver.token;

import java.time.Duration;

/**
 * No valid credential can be served now. Answered as 503 with {@code Retry-After}, and
 * with WeChat's errcode and errmsg when WeChat's refusal is the cause.
 */
public class NoValidTokenException extends RuntimeException {

	private final Integer errcode;

	private final String errmsg;

	private final Duration retryAfter;

	public NoValidTokenException(String detail, Integer errcode, String errmsg, Duration retryAfter) {
		super(detail);
		this.errcode = errcode;
		this.errmsg = errmsg;
		this.retryAfter = retryAfter;
	}

	/** Built from the failure that blocks refreshes. */
	static NoValidTokenException of(TokenKey key, RefreshFailure failure, Duration retryAfter) {
		return new NoValidTokenException("No valid " + key.kind().key() + " for " + key.appId() + ": refresh failed ("
				+ failure.kind().name().toLowerCase() + ")", failure.errcode(), failure.errmsg(), retryAfter);
	}

	public Integer errcode() {
		return this.errcode;
	}

	public String errmsg() {
		return this.errmsg;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}

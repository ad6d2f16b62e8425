package io.wxhub.client;

import java.time.Duration;

/**
 * The token server gave no credential: it refused the request (an
 * {@code application/problem+json} answer), or none of its URLs answered.
 * <ul>
 * <li>401: the client key is wrong or missing
 * ({@code urn:wxhub:problem:unauthenticated});
 * <li>403: the client may not read this app ({@code urn:wxhub:problem:forbidden});
 * <li>404: the token server serves no such app ({@code urn:wxhub:problem:unknown-app});
 * <li>503: no valid credential now ({@code urn:wxhub:problem:no-valid-token}), with
 * {@link #retryAfter()}, and WeChat's {@link #errcode()} and {@link #errmsg()} when
 * WeChat's refusal is the cause;
 * <li>{@link #status()} 0: no usable answer: no token server answered (connection
 * failures, timeouts, 5xx answers that were not the token server's own; the last cause
 * attached), the answer had expired on arrival (clocks far apart), or the waiting thread
 * was interrupted.
 * </ul>
 * Neither the client key nor a token is ever part of its message.
 */
public class WxhubTokenException extends RuntimeException {

	private final int status;

	private final String type;

	private final String title;

	private final String detail;

	private final Integer errcode;

	private final String errmsg;

	private final Duration retryAfter;

	/**
	 * Creates the exception; the client builds it from the token server's answer.
	 * @param message what failed
	 * @param status the HTTP status, 0 when no token server answered
	 * @param type the problem type, or null
	 * @param title the problem title, or null
	 * @param detail the problem detail, or null
	 * @param errcode WeChat's errcode behind the refusal, or null
	 * @param errmsg WeChat's errmsg behind the refusal, or null
	 * @param retryAfter the answer's {@code Retry-After}, or null
	 * @param cause the transport failure, or null
	 */
	public WxhubTokenException(String message, int status, String type, String title, String detail, Integer errcode,
			String errmsg, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.type = type;
		this.title = title;
		this.detail = detail;
		this.errcode = errcode;
		this.errmsg = errmsg;
		this.retryAfter = retryAfter;
	}

	/**
	 * The token server's HTTP status.
	 * @return 401, 403, 404, 503…; 0 without a usable answer
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The problem type, such as {@code urn:wxhub:problem:no-valid-token}.
	 * @return the type, or null without a problem answer
	 */
	public String type() {
		return this.type;
	}

	/**
	 * The problem title, a fixed phrase per type.
	 * @return the title, or null without a problem answer
	 */
	public String title() {
		return this.title;
	}

	/**
	 * The problem detail: what exactly was refused.
	 * @return the detail, or null without a problem answer
	 */
	public String detail() {
		return this.detail;
	}

	/**
	 * WeChat's errcode when WeChat's refusal is why no token can be served (40164 for an
	 * IP not on the whitelist, 45009 for a spent quota…).
	 * @return the errcode, or null when WeChat is not the cause
	 */
	public Integer errcode() {
		return this.errcode;
	}

	/**
	 * WeChat's errmsg that came with {@link #errcode()}.
	 * @return the errmsg, or null
	 */
	public String errmsg() {
		return this.errmsg;
	}

	/**
	 * How long to wait before asking again ({@code Retry-After}).
	 * @return the duration, or null when the answer did not say
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}

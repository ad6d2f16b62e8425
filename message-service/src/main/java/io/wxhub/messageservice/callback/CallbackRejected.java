package io.wxhub.messageservice.callback;

import org.springframework.http.HttpStatus;

/**
 * A push refused before handling: 400, 403, 404 or 413, with a reason that holds no
 * secret.
 */
public class CallbackRejected extends RuntimeException {

	private final HttpStatus status;

	private final String reason;

	public CallbackRejected(HttpStatus status, String reason, String detail) {
		super(detail);
		this.status = status;
		this.reason = reason;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * A short, stable slug, e.g. {@code bad-signature}; a metric tag and the problem
	 * type.
	 */
	public String reason() {
		return this.reason;
	}

}

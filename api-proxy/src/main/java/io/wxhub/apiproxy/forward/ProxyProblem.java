package io.wxhub.apiproxy.forward;

import org.springframework.http.HttpStatus;

/**
 * A failure answered as {@code application/problem+json}: the caller's malformed request
 * (400, 404, 413) or trouble on the way to WeChat (502, 503, 504).
 */
public class ProxyProblem extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final String title;

	public ProxyProblem(HttpStatus status, String type, String title, String detail) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** A stable slug per category, e.g. {@code upstream-timeout}. */
	public String type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

}

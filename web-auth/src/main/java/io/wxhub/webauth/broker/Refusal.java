package io.wxhub.webauth.broker;

import org.springframework.http.HttpStatus;

/**
 * Why the broker will not send a follower on: shown as a page a person can read (or
 * problem+json when the request asks for JSON), never as a redirect.
 */
public final class Refusal extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final Integer errcode;

	Refusal(HttpStatus status, String type, String title, String detail) {
		this(status, type, title, detail, null);
	}

	Refusal(HttpStatus status, String type, String title, String detail, Integer errcode) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errcode = errcode;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The problem type's last segment ({@code unknown-client}, {@code bad-state}…). */
	public String type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	/** WeChat's errcode when WeChat refused the code; else null. */
	public Integer errcode() {
		return this.errcode;
	}

}

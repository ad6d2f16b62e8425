package io.wxhub.sandbox.oauth;

/**
 * The authorization page cannot go on: answered as an error page a person can read, with
 * HTTP 400.
 */
class AuthorizePageException extends RuntimeException {

	private final Integer errcode;

	/**
	 * @param errcode the code WeChat's page shows, {@code null} for the sandbox's own
	 * refusals
	 * @param message what the page says
	 */
	AuthorizePageException(Integer errcode, String message) {
		super(message);
		this.errcode = errcode;
	}

	Integer errcode() {
		return this.errcode;
	}

}

package io.wxhub.client;

/**
 * The credentials the token server hands out: where each is read, the field of its value
 * in the answer, and its metric tag.
 */
enum CredentialKind {

	ACCESS_TOKEN("access-token", "accessToken"),

	JSAPI_TICKET("jsapi-ticket", "ticket"),

	CARD_TICKET("wx-card-ticket", "ticket");

	private final String segment;

	private final String field;

	CredentialKind(String segment, String field) {
		this.segment = segment;
		this.field = field;
	}

	/** The path of its read below the app, e.g. {@code /access-token}. */
	String path() {
		return "/" + this.segment;
	}

	/** The answer's field that holds the value. */
	String field() {
		return this.field;
	}

	/** The tag of its metrics: the path segment. */
	String tag() {
		return this.segment;
	}

}

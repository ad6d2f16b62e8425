package io.wxhub.tokenserver.token;

/** The credentials this server keeps per app. */
public enum TokenKind {

	/** The access_token every WeChat API call needs. */
	ACCESS_TOKEN("access_token"),
	/** The JS-SDK ticket, fetched with an access token. */
	JSAPI_TICKET("jsapi_ticket");

	private final String key;

	TokenKind(String key) {
		this.key = key;
	}

	/** The name used in Redis keys and metric tags. */
	public String key() {
		return this.key;
	}

}

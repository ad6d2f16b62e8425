package io.wxhub.sandbox.token;

/**
 * The kinds of credentials the sandbox issues; each app has one independent slot per
 * kind.
 */
public enum CredentialKind {

	/** Access token from {@code /cgi-bin/token}. */
	CLASSIC("classic", true),
	/** Access token from {@code /cgi-bin/stable_token}. */
	STABLE("stable", true),
	/** JS-SDK ticket ({@code type=jsapi}). */
	JSAPI("jsapi", false),
	/** Card ticket ({@code type=wx_card}). */
	WX_CARD("wx_card", false);

	private final String wireName;

	private final boolean accessToken;

	CredentialKind(String wireName, boolean accessToken) {
		this.wireName = wireName;
		this.accessToken = accessToken;
	}

	/**
	 * @return the lowercase name used in JSON and in WeChat's {@code type} parameter
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * @return whether this is an access token (as opposed to a ticket)
	 */
	public boolean isAccessToken() {
		return this.accessToken;
	}

}

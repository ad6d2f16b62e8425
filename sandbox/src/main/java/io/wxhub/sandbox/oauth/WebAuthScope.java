package io.wxhub.sandbox.oauth;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two scopes of an Official Account's web authorization.
 */
public enum WebAuthScope {

	/** Silent: only the follower's OpenID (and user access token). */
	BASE("snsapi_base"),
	/** With the follower's consent: also their nickname and avatar. */
	USERINFO("snsapi_userinfo");

	private final String wireName;

	WebAuthScope(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * @return the name in {@code scope} parameters and answers
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * @param wireName a {@code scope} value, possibly {@code null}
	 * @return the scope, if it is one of the two
	 */
	public static Optional<WebAuthScope> of(String wireName) {
		return Arrays.stream(values()).filter((scope) -> scope.wireName.equals(wireName)).findFirst();
	}

}

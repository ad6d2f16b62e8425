package io.wxhub.apiproxy.tokens;

/** The token server could not give a token (down, or no valid token): answered 503. */
public class TokenUnavailableException extends RuntimeException {

	private final int tokenServerStatus;

	public TokenUnavailableException(int tokenServerStatus) {
		super("The token server gave no access token"
				+ ((tokenServerStatus > 0) ? " (HTTP " + tokenServerStatus + ")" : " (unreachable)"));
		this.tokenServerStatus = tokenServerStatus;
	}

	/** The token server's HTTP status, or -1 when it could not be reached. */
	public int tokenServerStatus() {
		return this.tokenServerStatus;
	}

}

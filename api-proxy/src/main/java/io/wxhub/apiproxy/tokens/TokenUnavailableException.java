package io.wxhub.apiproxy.tokens;

/**
 * The token server could not give a token or ticket (down, or none valid): answered 503.
 */
public class TokenUnavailableException extends RuntimeException {

	private final int tokenServerStatus;

	public TokenUnavailableException(int tokenServerStatus) {
		this("access token", tokenServerStatus);
	}

	/**
	 * The token server gave no credential of a kind.
	 * @param what the kind, e.g. {@code jsapi ticket}
	 * @param tokenServerStatus its HTTP status, or -1 when it could not be reached
	 */
	public TokenUnavailableException(String what, int tokenServerStatus) {
		super("The token server gave no " + what
				+ ((tokenServerStatus > 0) ? " (HTTP " + tokenServerStatus + ")" : " (unreachable)"));
		this.tokenServerStatus = tokenServerStatus;
	}

	/** The token server's HTTP status, or -1 when it could not be reached. */
	public int tokenServerStatus() {
		return this.tokenServerStatus;
	}

}

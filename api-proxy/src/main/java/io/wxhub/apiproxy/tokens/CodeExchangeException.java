package io.wxhub.apiproxy.tokens;

/**
 * A code exchange got no answer from WeChat: the token server said WeChat was unreachable
 * (502) or too slow (504), or the token server itself failed.
 */
public class CodeExchangeException extends RuntimeException {

	private final int tokenServerStatus;

	public CodeExchangeException(int tokenServerStatus) {
		super("The token server gave no answer from WeChat"
				+ ((tokenServerStatus > 0) ? " (HTTP " + tokenServerStatus + ")" : " (unreachable)"));
		this.tokenServerStatus = tokenServerStatus;
	}

	/**
	 * The token server's HTTP status, or -1 when it could not be reached or timed out.
	 */
	public int tokenServerStatus() {
		return this.tokenServerStatus;
	}

}

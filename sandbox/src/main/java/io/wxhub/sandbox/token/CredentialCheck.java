package io.wxhub.sandbox.token;

/**
 * The sandbox's decision about a presented access token or ticket.
 *
 * @param errcode 0 when valid, else the errcode an API would answer
 * @param credential the credential found, {@code null} when it was never issued or is
 * malformed
 */
public record CredentialCheck(int errcode, Credential credential) {

	/**
	 * @return whether the credential may be used
	 */
	public boolean valid() {
		return this.errcode == 0;
	}

}

package io.wxhub.tokenserver.upstream;

/**
 * What WeChat answered to a successful token or ticket request.
 *
 * @param value the access_token or ticket
 * @param expiresIn its lifetime in seconds, as WeChat stated it
 */
public record IssuedToken(String value, long expiresIn) {

	@Override
	public String toString() {
		return "IssuedToken[expiresIn=" + this.expiresIn + ", value=***]";
	}

}

package io.wxhub.tokenserver.token;

/**
 * Identifies one credential: an app and a kind.
 *
 * @param appId the AppID
 * @param kind access token or jsapi ticket
 */
public record TokenKey(String appId, TokenKind kind) {

	@Override
	public String toString() {
		return this.appId + "/" + this.kind.key();
	}

}

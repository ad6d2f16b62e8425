package io.wxhub.sandbox.oauth;

import java.time.Instant;

/**
 * A user's access token from web authorization: it speaks for one follower towards one
 * app, within the scope they granted. Not an access token of the account.
 *
 * @param value the token
 * @param appId the app
 * @param openid the follower
 * @param scope the scope granted
 * @param expiresAt when it expires
 * @param refreshToken the refresh token of the authorization it belongs to
 */
public record UserAccessToken(String value, String appId, String openid, WebAuthScope scope, Instant expiresAt,
		String refreshToken) {

	/**
	 * @param now an instant
	 * @return whether it has expired then
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}

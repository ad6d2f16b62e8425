package io.wxhub.sandbox.oauth;

import java.time.Instant;

/**
 * One authorization a follower gave an app, as its refresh token carries it.
 *
 * @param refreshToken the refresh token
 * @param appId the app
 * @param openid the follower
 * @param scope the scope granted
 * @param issuedAt when the code was exchanged
 * @param expiresAt when the refresh token expires (it is never extended)
 * @param accessToken the latest user access token of this authorization
 */
public record UserGrant(String refreshToken, String appId, String openid, WebAuthScope scope, Instant issuedAt,
		Instant expiresAt, UserAccessToken accessToken) {

	/**
	 * @param now an instant
	 * @return whether the refresh token has expired then
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	UserGrant withAccessToken(UserAccessToken token) {
		return new UserGrant(this.refreshToken, this.appId, this.openid, this.scope, this.issuedAt, this.expiresAt,
				token);
	}

}

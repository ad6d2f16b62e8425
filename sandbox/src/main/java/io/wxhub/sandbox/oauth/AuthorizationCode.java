package io.wxhub.sandbox.oauth;

import java.time.Instant;

/**
 * The code of one authorization, bound to its app, follower and scope.
 *
 * @param value the code handed to the {@code redirect_uri}
 * @param appId the app it was issued for
 * @param openid the follower who was signed in
 * @param scope the scope they granted
 * @param issuedAt when it was issued
 * @param expiresAt when it expires unused
 * @param usedAt when it was exchanged, {@code null} while unused
 */
public record AuthorizationCode(String value, String appId, String openid, WebAuthScope scope, Instant issuedAt,
		Instant expiresAt, Instant usedAt) {

	/**
	 * @param now an instant
	 * @return whether it has expired then
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	AuthorizationCode usedAt(Instant now) {
		return new AuthorizationCode(this.value, this.appId, this.openid, this.scope, this.issuedAt, this.expiresAt,
				now);
	}

}

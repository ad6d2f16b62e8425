package io.wxhub.sandbox.oauth;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * WeChat's answer to {@code /sns/oauth2/access_token} and {@code refresh_token}. The
 * sandbox has no snapshot-page users, so {@code is_snapshotuser} never appears.
 *
 * @param accessToken the user's access token
 * @param expiresIn seconds it stays valid
 * @param refreshToken the refresh token
 * @param openid the follower
 * @param scope the scope granted
 * @param unionid the follower's UnionID: only for {@code snsapi_userinfo} on an account
 * bound to an Open Platform account
 */
@JsonInclude(Include.NON_NULL)
record SnsTokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn,
		@JsonProperty("refresh_token") String refreshToken, String openid, String scope, String unionid) {

	static SnsTokenResponse of(UserGrant grant, Instant now, String unionid) {
		UserAccessToken token = grant.accessToken();
		return new SnsTokenResponse(token.value(), Math.max(1, Duration.between(now, token.expiresAt()).toSeconds()),
				grant.refreshToken(), grant.openid(), grant.scope().wireName(), unionid);
	}

}

package io.wxhub.tokenserver.webauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * WeChat's answer to a successful code exchange, for the API description only: the answer
 * itself is passed on as WeChat wrote it.
 *
 * @param accessToken the user's access token (not the account's)
 * @param expiresIn its lifetime in seconds
 * @param refreshToken renews the user's access token, for 30 days
 * @param openid the user
 * @param scope the scope granted
 * @param unionid the user across the accounts of an Open Platform account
 * @param isSnapshotuser 1 for a virtual user of a snapshot page
 */
@Schema(name = "WeChatUserAccessToken",
		description = "WeChat's answer to a successful code exchange (snake_case, as WeChat writes it)",
		requiredProperties = { "access_token", "expires_in", "refresh_token", "openid", "scope" })
record UserAccessToken(
		@JsonProperty("access_token") @Schema(description = "The user's access token, not the account's",
				example = "EXAMPLE_USER_ACCESS_TOKEN") String accessToken,
		@JsonProperty("expires_in") @Schema(description = "Its lifetime in seconds", example = "7200") long expiresIn,
		@JsonProperty("refresh_token") @Schema(description = "Renews the user's access token, for 30 days",
				example = "EXAMPLE_REFRESH_TOKEN") String refreshToken,
		@Schema(description = "The user", example = "oEXAMPLE0000000000000000000") String openid,
		@Schema(description = "The scope granted: snsapi_base or snsapi_userinfo",
				example = "snsapi_userinfo") String scope,
		@Schema(description = "The user across an Open Platform account's apps; only for snsapi_userinfo on an "
				+ "account bound to one", example = "oEXAMPLEUNION00000000000000") String unionid,
		@JsonProperty("is_snapshotuser") @Schema(description = "1 for a virtual user of a snapshot page",
				example = "1") Integer isSnapshotuser) {
}

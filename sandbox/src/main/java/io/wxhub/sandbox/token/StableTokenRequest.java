package io.wxhub.sandbox.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /cgi-bin/stable_token}.
 *
 * @param grantType must be {@code client_credential}
 * @param appid the AppID
 * @param secret the AppSecret
 * @param forceRefresh whether to force a new token
 */
record StableTokenRequest(@JsonProperty("grant_type") String grantType, String appid, String secret,
		@JsonProperty("force_refresh") Boolean forceRefresh) {
}

package io.wxhub.sandbox.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * WeChat's token answer: {@code {"access_token":"...","expires_in":7200}}, no errcode.
 *
 * @param accessToken the token
 * @param expiresIn seconds it stays valid
 */
public record AccessTokenResponse(@JsonProperty("access_token") String accessToken,
		@JsonProperty("expires_in") long expiresIn) {
}

package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.time.Instant;

import io.wxhub.tokenserver.client.CallerKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access tokens for internal callers, and compare-and-refresh when WeChat rejected one.
 */
@RestController
@RequestMapping("/v1/apps/{appId}/access-token")
class AccessTokenController {

	private final TokenService tokens;

	private final CallerKeys callers;

	private final Clock clock;

	AccessTokenController(TokenService tokens, CallerKeys callers, Clock clock) {
		this.tokens = tokens;
		this.callers = callers;
		this.clock = clock;
	}

	@GetMapping
	AccessTokenResponse get(@PathVariable String appId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		this.callers.authorize(authorization, appId);
		return AccessTokenResponse.of(appId, this.tokens.get(new TokenKey(appId, TokenKind.ACCESS_TOKEN)),
				this.clock.instant());
	}

	@PostMapping("/refresh")
	AccessTokenResponse refresh(@PathVariable String appId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@Valid @RequestBody RefreshRequest request) {
		this.callers.authorize(authorization, appId);
		StoredToken token = this.tokens.refreshRejected(new TokenKey(appId, TokenKind.ACCESS_TOKEN),
				request.rejectedToken());
		return AccessTokenResponse.of(appId, token, this.clock.instant());
	}

	/**
	 * Body of a compare-and-refresh.
	 *
	 * @param rejectedToken the token WeChat refused
	 */
	record RefreshRequest(@NotBlank @Size(max = 1024) String rejectedToken) {
	}

	/** An access token and when it expires. */
	record AccessTokenResponse(String appId, String accessToken, String expiresAt, long expiresIn) {

		static AccessTokenResponse of(String appId, StoredToken token, Instant now) {
			return new AccessTokenResponse(appId, token.value(), token.expiresAt().toString(),
					token.secondsLeftAt(now));
		}

	}

}

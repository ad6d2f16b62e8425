package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "access token")
class AccessTokenController {

	private final TokenService tokens;

	private final CallerKeys callers;

	private final Clock clock;

	AccessTokenController(TokenService tokens, CallerKeys callers, Clock clock) {
		this.tokens = tokens;
		this.callers = callers;
		this.clock = clock;
	}

	@Operation(operationId = "getAccessToken", summary = "The app's access token",
			description = "Served from memory while valid, never waiting on WeChat then. "
					+ "Cache it until expiresAt; the server refreshes it ahead of expiry.")
	@GetMapping
	AccessTokenResponse get(@PathVariable String appId,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		this.callers.authorize(authorization, appId);
		return AccessTokenResponse.of(appId, this.tokens.get(new TokenKey(appId, TokenKind.ACCESS_TOKEN)),
				this.clock.instant());
	}

	@Operation(operationId = "refreshAccessToken", summary = "Compare-and-refresh after WeChat rejected a token",
			description = "Call it when WeChat answers 40001, 40014 or 42001 to a call made with the token. "
					+ "When the current token differs from the rejected one, the current one is answered at once; "
					+ "otherwise it is replaced only once WeChat confirms it dead. "
					+ "Every replica answers the same token: one refresh cluster-wide.")
	@PostMapping("/refresh")
	AccessTokenResponse refresh(@PathVariable String appId,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization,
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
	record RefreshRequest(@Schema(description = "The token WeChat refused",
			example = "EXAMPLE_REJECTED_ACCESS_TOKEN") @NotBlank @Size(max = 1024) String rejectedToken) {
	}

	/** An access token and when it expires. */
	@Schema(description = "An access token and when it expires",
			requiredProperties = { "appId", "accessToken", "expiresAt", "expiresIn" })
	record AccessTokenResponse(@Schema(description = "The app", example = "wx0123456789abcdef") String appId,
			@Schema(description = "WeChat's access_token", example = "EXAMPLE_ACCESS_TOKEN") String accessToken,
			@Schema(description = "When the server stops serving it (WeChat's expiry less a margin), "
					+ "an ISO-8601 instant in UTC: cache it until then", format = "date-time",
					example = "2026-03-01T09:58:59Z") String expiresAt,
			@Schema(description = "Seconds left until expiresAt", example = "7139") long expiresIn) {

		static AccessTokenResponse of(String appId, StoredToken token, Instant now) {
			return new AccessTokenResponse(appId, token.value(), token.expiresAt().toString(),
					token.secondsLeftAt(now));
		}

	}

}

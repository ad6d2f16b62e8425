package io.wxhub.sandbox.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.wxhub.sandbox.account.AccountRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Shows an app's web authorizations (codes of the last hour, live refresh tokens with
 * their current access token), and issues a code without the page, as if the follower had
 * just authorized.
 */
@RestController
@RequestMapping("/sandbox/apps/{appId}/oauth2")
class WebAuthInspectionController {

	private final AccountRegistry accounts;

	private final AuthorizationCodes codes;

	private final UserTokens tokens;

	private final WebAuthProfiles profiles;

	private final Clock clock;

	WebAuthInspectionController(AccountRegistry accounts, AuthorizationCodes codes, UserTokens tokens,
			WebAuthProfiles profiles, Clock clock) {
		this.accounts = accounts;
		this.codes = codes;
		this.tokens = tokens;
		this.profiles = profiles;
		this.clock = clock;
	}

	@GetMapping
	WebAuthView webAuth(@PathVariable String appId) {
		this.accounts.require(appId);
		Instant now = this.clock.instant();
		return new WebAuthView(appId, this.codes.recent(appId).stream().map((code) -> CodeView.of(code, now)).toList(),
				this.tokens.recent(appId).stream().map((grant) -> GrantView.of(grant, now)).toList());
	}

	@PostMapping("/codes")
	CodeView issue(@PathVariable String appId, @RequestBody(required = false) CodeRequest request) {
		this.accounts.require(appId);
		CodeRequest given = (request != null) ? request : new CodeRequest(null, null);
		WebAuthScope scope = (given.scope() != null) ? WebAuthScope.of(given.scope())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"scope must be snsapi_base or " + "snsapi_userinfo"))
				: WebAuthScope.BASE;
		FollowerProfile follower = ((given.openid() != null) ? this.profiles.find(appId, given.openid())
				: this.profiles.signedIn(appId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no such follower"));
		return CodeView.of(this.codes.issue(appId, follower.openid(), scope), this.clock.instant());
	}

	/**
	 * @param openid the follower who authorizes; the app's first follower when absent
	 * @param scope {@code snsapi_base} (when absent) or {@code snsapi_userinfo}
	 */
	record CodeRequest(String openid, String scope) {
	}

	record WebAuthView(String appId, List<CodeView> codes, List<GrantView> grants) {
	}

	record CodeView(String code, String openid, String scope, Instant issuedAt, Instant expiresAt, boolean used,
			boolean valid) {

		static CodeView of(AuthorizationCode code, Instant now) {
			return new CodeView(code.value(), code.openid(), code.scope().wireName(), code.issuedAt(), code.expiresAt(),
					code.usedAt() != null, code.usedAt() == null && !code.isExpiredAt(now));
		}

	}

	record GrantView(String openid, String scope, String accessToken, Instant accessTokenExpiresAt,
			boolean accessTokenValid, String refreshToken, Instant refreshTokenExpiresAt) {

		static GrantView of(UserGrant grant, Instant now) {
			return new GrantView(grant.openid(), grant.scope().wireName(), grant.accessToken().value(),
					grant.accessToken().expiresAt(), !grant.accessToken().isExpiredAt(now), grant.refreshToken(),
					grant.expiresAt());
		}

	}

}

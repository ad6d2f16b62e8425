package io.wxhub.sandbox.token;

import java.time.Clock;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.quota.QuotaService;
import io.wxhub.sandbox.wechat.CgiPaths;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plays another holder of an app's AppSecret (a legacy app, a script, WeChat's debug
 * tool): {@code POST /sandbox/apps/{appId}/third-party-token} rotates the app's token as
 * that party's call of {@code /cgi-bin/token}, or of {@code /cgi-bin/stable_token}
 * (optionally with {@code force_refresh}), would: same rotation rules, same daily quotas
 * (a spent quota answers WeChat's errcode, as it would to that party). It does not go
 * through {@code /cgi-bin}, so {@code /sandbox/apps/{appId}/calls} keeps counting only
 * the calls of the system under test. The answer tells whether the token changed and when
 * it expires, not the token: {@code /sandbox/apps/{appId}/tokens} shows it.
 */
@RestController
class ThirdPartyTokenController {

	private final AccountRegistry accounts;

	private final QuotaService quotas;

	private final TokenService tokens;

	private final CredentialLedger ledger;

	private final Clock clock;

	ThirdPartyTokenController(AccountRegistry accounts, QuotaService quotas, TokenService tokens,
			CredentialLedger ledger, Clock clock) {
		this.accounts = accounts;
		this.quotas = quotas;
		this.tokens = tokens;
		this.ledger = ledger;
		this.clock = clock;
	}

	@PostMapping("/sandbox/apps/{appId}/third-party-token")
	ThirdPartyTokenView rotate(@PathVariable String appId, @Valid @RequestBody ThirdPartyTokenRequest request) {
		this.accounts.require(appId);
		boolean stable = "stable".equals(request.mode());
		CredentialKind kind = stable ? CredentialKind.STABLE : CredentialKind.CLASSIC;
		String before = this.ledger.recent(appId, kind).stream().findFirst().map(Credential::value).orElse(null);
		AccessTokenResponse answer;
		if (stable) {
			this.quotas.consume(appId, CgiPaths.STABLE_TOKEN);
			answer = this.tokens.stable(appId, request.forced());
		}
		else {
			this.quotas.consume(appId, CgiPaths.TOKEN);
			answer = this.tokens.classic(appId);
		}
		Instant now = this.clock.instant();
		return new ThirdPartyTokenView(appId, request.mode(), !answer.accessToken().equals(before), answer.expiresIn(),
				now.plusSeconds(answer.expiresIn()));
	}

	/**
	 * What the other party asks for.
	 *
	 * @param mode {@code classic} ({@code /cgi-bin/token}) or {@code stable}
	 * ({@code /cgi-bin/stable_token})
	 * @param forceRefresh {@code stable_token}'s {@code force_refresh} (default false);
	 * stable mode only
	 */
	record ThirdPartyTokenRequest(@NotNull @Pattern(regexp = "classic|stable") String mode, Boolean forceRefresh) {

		boolean forced() {
			return Boolean.TRUE.equals(this.forceRefresh);
		}

		@AssertTrue(message = "forceRefresh applies to stable mode only")
		boolean isForceRefreshWithStableMode() {
			return !forced() || "stable".equals(this.mode);
		}

	}

	/**
	 * What the other party got.
	 *
	 * @param appId the app
	 * @param mode the mode asked for
	 * @param rotated whether a new token was issued (a stable token with life left, or
	 * forced twice within 30 s, stays the same)
	 * @param expiresIn the {@code expires_in} WeChat answered
	 * @param expiresAt when that token expires
	 */
	record ThirdPartyTokenView(String appId, String mode, boolean rotated, long expiresIn, Instant expiresAt) {
	}

}

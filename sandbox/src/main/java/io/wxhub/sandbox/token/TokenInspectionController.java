package io.wxhub.sandbox.token;

import java.time.Clock;
import java.time.Instant;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.token.CredentialViews.CheckView;
import io.wxhub.sandbox.token.CredentialViews.SlotView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/sandbox/apps/{appId}")
class TokenInspectionController {

	private final AccountRegistry accounts;

	private final CredentialLedger ledger;

	private final Clock clock;

	TokenInspectionController(AccountRegistry accounts, CredentialLedger ledger, Clock clock) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.clock = clock;
	}

	@GetMapping("/tokens")
	TokensView tokens(@PathVariable String appId) {
		this.accounts.require(appId);
		Instant now = this.clock.instant();
		return new TokensView(appId, CredentialViews.slot(this.ledger.recent(appId, CredentialKind.CLASSIC), now),
				CredentialViews.slot(this.ledger.recent(appId, CredentialKind.STABLE), now));
	}

	@PostMapping("/token-check")
	CheckView check(@PathVariable String appId, @RequestBody TokenCheckRequest request) {
		this.accounts.require(appId);
		CredentialCheck check = this.ledger.checkAccessToken(request.accessToken());
		if (check.credential() != null && !check.credential().appId().equals(appId)) {
			return CredentialViews.check(new CredentialCheck(WeChatErrorCode.INVALID_CREDENTIAL.code(), null));
		}
		return CredentialViews.check(check);
	}

	@PostMapping("/tokens/invalidate")
	InvalidatedView invalidate(@PathVariable String appId) {
		this.accounts.require(appId);
		return new InvalidatedView(appId, this.ledger.revokeAll(appId));
	}

	record TokenCheckRequest(String accessToken) {
	}

	record TokensView(String appId, SlotView classic, SlotView stable) {
	}

	record InvalidatedView(String appId, int invalidated) {
	}

}

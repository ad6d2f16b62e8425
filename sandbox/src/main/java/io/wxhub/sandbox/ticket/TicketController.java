package io.wxhub.sandbox.ticket;

import java.time.Duration;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.token.Credential;
import io.wxhub.sandbox.token.CredentialKind;
import io.wxhub.sandbox.token.CredentialLedger;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TicketController {

	private final CredentialLedger ledger;

	TicketController(CredentialLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping(CgiPaths.GET_TICKET)
	TicketResponse ticket(AuthorizedApp app, @RequestParam(required = false) String type) {
		CredentialKind kind = kind(type);
		Credential ticket = this.ledger.issue(app.appId(), kind);
		long left = Duration.between(ticket.issuedAt(), ticket.validUntil()).toSeconds();
		return new TicketResponse(0, "ok", ticket.value(), Math.max(1, left));
	}

	private static CredentialKind kind(String type) {
		if (CredentialKind.JSAPI.wireName().equals(type)) {
			return CredentialKind.JSAPI;
		}
		if (CredentialKind.WX_CARD.wireName().equals(type)) {
			return CredentialKind.WX_CARD;
		}
		throw WeChatErrors.of(WeChatErrorCode.INVALID_ARGS);
	}

}

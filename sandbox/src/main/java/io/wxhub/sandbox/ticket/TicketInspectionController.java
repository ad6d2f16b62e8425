package io.wxhub.sandbox.ticket;

import java.time.Clock;
import java.time.Instant;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.token.CredentialCheck;
import io.wxhub.sandbox.token.CredentialKind;
import io.wxhub.sandbox.token.CredentialLedger;
import io.wxhub.sandbox.token.CredentialViews;
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
class TicketInspectionController {

	private final AccountRegistry accounts;

	private final CredentialLedger ledger;

	private final Clock clock;

	TicketInspectionController(AccountRegistry accounts, CredentialLedger ledger, Clock clock) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.clock = clock;
	}

	@GetMapping("/tickets")
	TicketsView tickets(@PathVariable String appId) {
		this.accounts.require(appId);
		Instant now = this.clock.instant();
		return new TicketsView(appId, CredentialViews.slot(this.ledger.recent(appId, CredentialKind.JSAPI), now),
				CredentialViews.slot(this.ledger.recent(appId, CredentialKind.WX_CARD), now));
	}

	@PostMapping("/ticket-check")
	CheckView check(@PathVariable String appId, @RequestBody TicketCheckRequest request) {
		this.accounts.require(appId);
		CredentialCheck check = this.ledger.checkTicket(request.ticket());
		if (check.credential() != null && !check.credential().appId().equals(appId)) {
			return CredentialViews.check(new CredentialCheck(WeChatErrorCode.INVALID_CREDENTIAL.code(), null));
		}
		return CredentialViews.check(check);
	}

	record TicketCheckRequest(String ticket) {
	}

	record TicketsView(String appId, SlotView jsapi, SlotView wxCard) {
	}

}

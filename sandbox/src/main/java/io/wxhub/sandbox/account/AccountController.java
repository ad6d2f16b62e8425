package io.wxhub.sandbox.account;

import java.util.List;

import io.wxhub.sandbox.system.SandboxProperties.Account;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

	private final AccountRegistry accounts;

	AccountController(AccountRegistry accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/sandbox/apps")
	List<AccountView> accounts() {
		return this.accounts.all().stream().map(AccountView::of).toList();
	}

	@GetMapping("/sandbox/apps/{appId}")
	AccountView account(@PathVariable String appId) {
		return AccountView.of(this.accounts.require(appId));
	}

	record AccountView(String appId, String originalId, String callbackUrl, String mode, List<String> ipWhitelist,
			String name, String openPlatformAccount, List<String> webAuthDomains) {

		static AccountView of(Account account) {
			return new AccountView(account.appId(), account.originalId(), account.callbackUrl(),
					account.mode().name().toLowerCase(), account.ipWhitelist(), account.displayName(),
					account.openPlatformAccount(), account.webAuthDomains());
		}

	}

}

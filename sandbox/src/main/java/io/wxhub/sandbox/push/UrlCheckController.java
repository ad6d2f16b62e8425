package io.wxhub.sandbox.push;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.system.SandboxProperties.Account;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UrlCheckController {

	private final UrlCheck check;

	private final AccountRegistry accounts;

	UrlCheckController(UrlCheck check, AccountRegistry accounts) {
		this.check = check;
		this.accounts = accounts;
	}

	@PostMapping("/sandbox/url-check")
	UrlCheck.Result check(@Valid @RequestBody UrlCheckRequest request) {
		return this.check.check(request.url(), request.token());
	}

	@PostMapping("/sandbox/apps/{appId}/url-check")
	UrlCheck.Result check(@PathVariable String appId) {
		Account account = this.accounts.require(appId);
		if (account.callbackUrl() == null || account.token() == null) {
			throw new InvalidRequestException("Account " + appId + " needs callback-url and token for a URL check");
		}
		return this.check.check(account.callbackUrl(), account.token());
	}

	/**
	 * A server configuration to check.
	 *
	 * @param url the server URL
	 * @param token the Token
	 */
	record UrlCheckRequest(@NotBlank @Pattern(regexp = "https?://\\S+") String url, @NotBlank String token) {
	}

}

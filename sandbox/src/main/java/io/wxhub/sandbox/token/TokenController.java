package io.wxhub.sandbox.token;

import jakarta.servlet.http.HttpServletRequest;

import io.wxhub.sandbox.account.AccountAuthenticator;
import io.wxhub.sandbox.quota.QuotaService;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatBodies;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TokenController {

	private final AccountAuthenticator authenticator;

	private final QuotaService quotas;

	private final TokenService tokens;

	private final WeChatBodies bodies;

	TokenController(AccountAuthenticator authenticator, QuotaService quotas, TokenService tokens, WeChatBodies bodies) {
		this.authenticator = authenticator;
		this.quotas = quotas;
		this.tokens = tokens;
		this.bodies = bodies;
	}

	@GetMapping(CgiPaths.TOKEN)
	AccessTokenResponse token(@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(required = false) String appid, @RequestParam(required = false) String secret,
			HttpServletRequest request) {
		Account account = this.authenticator.authenticate(grantType, appid, secret, request.getRemoteAddr());
		this.quotas.consume(account.appId(), CgiPaths.TOKEN);
		return this.tokens.classic(account.appId());
	}

	// WeChat reads the body as JSON whether or not the Content-Type says so
	@PostMapping(CgiPaths.STABLE_TOKEN)
	AccessTokenResponse stableToken(@RequestBody(required = false) String body, HttpServletRequest request) {
		StableTokenRequest stable = this.bodies.read(body, StableTokenRequest.class);
		Account account = this.authenticator.authenticate(stable.grantType(), stable.appid(), stable.secret(),
				request.getRemoteAddr());
		this.quotas.consume(account.appId(), CgiPaths.STABLE_TOKEN);
		return this.tokens.stable(account.appId(), Boolean.TRUE.equals(stable.forceRefresh()));
	}

}

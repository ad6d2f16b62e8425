package io.wxhub.sandbox.oauth;

import java.time.Clock;

import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.account.AccountAuthenticator;
import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

// lang only picks the language of place names, which WeChat no longer returns: ignored
@RestController
class SnsController {

	private final AccountAuthenticator authenticator;

	private final AccountRegistry accounts;

	private final AuthorizationCodes codes;

	private final UserTokens tokens;

	private final WebAuthProfiles profiles;

	private final Clock clock;

	SnsController(AccountAuthenticator authenticator, AccountRegistry accounts, AuthorizationCodes codes,
			UserTokens tokens, WebAuthProfiles profiles, Clock clock) {
		this.authenticator = authenticator;
		this.accounts = accounts;
		this.codes = codes;
		this.tokens = tokens;
		this.profiles = profiles;
		this.clock = clock;
	}

	// checked like /cgi-bin/token: grant_type first, then the AppSecret (no IP
	// whitelist), then the code
	@GetMapping(CgiPaths.SNS_ACCESS_TOKEN)
	SnsTokenResponse accessToken(@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(required = false) String appid, @RequestParam(required = false) String secret,
			@RequestParam(required = false) String code) {
		if (!"authorization_code".equals(grantType)) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_GRANT_TYPE);
		}
		Account account = this.authenticator.verifySecret(appid, secret);
		UserGrant grant = this.tokens.grant(this.codes.redeem(account.appId(), code));
		String unionid = (grant.scope() == WebAuthScope.USERINFO)
				? this.profiles.find(grant.appId(), grant.openid()).map(FollowerProfile::unionid).orElse(null) : null;
		return SnsTokenResponse.of(grant, this.clock.instant(), unionid);
	}

	@GetMapping(CgiPaths.SNS_REFRESH_TOKEN)
	SnsTokenResponse refreshToken(@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(required = false) String appid,
			@RequestParam(name = "refresh_token", required = false) String refreshToken) {
		if (!"refresh_token".equals(grantType)) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_GRANT_TYPE);
		}
		if (appid == null || appid.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.APPID_MISSING);
		}
		Account account = this.accounts.find(appid).orElseThrow(() -> WeChatErrors.of(WeChatErrorCode.INVALID_APPID));
		if (refreshToken == null || refreshToken.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.REFRESH_TOKEN_MISSING);
		}
		return SnsTokenResponse.of(this.tokens.refresh(account.appId(), refreshToken), this.clock.instant(), null);
	}

	@GetMapping(CgiPaths.SNS_USERINFO)
	SnsUserInfo userInfo(@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestParam(required = false) String openid) {
		UserAccessToken token = this.tokens.check(accessToken);
		if (!token.openid().equals(openid)) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_OPENID);
		}
		if (token.scope() != WebAuthScope.USERINFO) {
			throw WeChatErrors.of(WeChatErrorCode.API_UNAUTHORIZED);
		}
		FollowerProfile profile = this.profiles.find(token.appId(), openid)
			.orElseThrow(() -> WeChatErrors.of(WeChatErrorCode.INVALID_OPENID));
		String headimgurl = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(profile.avatarPath(132))
			.toUriString();
		return SnsUserInfo.of(profile, headimgurl);
	}

	@GetMapping(CgiPaths.SNS_AUTH)
	WeChatError auth(@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestParam(required = false) String openid) {
		if (!this.tokens.check(accessToken).openid().equals(openid)) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_OPENID);
		}
		return WeChatErrors.OK;
	}

}

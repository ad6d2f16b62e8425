package io.wxhub.sandbox.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.stereotype.Component;

/**
 * Checks the credentials of a token request in WeChat's order: grant type, missing appid
 * or secret, unknown appid, wrong secret, caller IP.
 */
@Component
public class AccountAuthenticator {

	private static final String CLIENT_CREDENTIAL = "client_credential";

	private final AccountRegistry accounts;

	public AccountAuthenticator(AccountRegistry accounts) {
		this.accounts = accounts;
	}

	/**
	 * @param grantType the {@code grant_type}
	 * @param appId the {@code appid}
	 * @param secret the {@code secret}
	 * @param callerIp the caller's address
	 * @return the account
	 * @throws WeChatException 40002, 41002, 41004, 40013, 40125 or 40164
	 */
	public Account authenticate(String grantType, String appId, String secret, String callerIp) {
		if (!CLIENT_CREDENTIAL.equals(grantType)) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_GRANT_TYPE);
		}
		Account account = verifySecret(appId, secret);
		if (!new IpWhitelist(account.ipWhitelist()).admits(callerIp)) {
			throw WeChatErrors.invalidIp(callerIp);
		}
		return account;
	}

	/**
	 * Checks an AppID and its AppSecret, as every call that carries the secret does.
	 * @param appId the {@code appid}
	 * @param secret the {@code secret}
	 * @return the account
	 * @throws WeChatException 41002, 41004, 40013 or 40125
	 */
	public Account verifySecret(String appId, String secret) {
		if (appId == null || appId.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.APPID_MISSING);
		}
		if (secret == null || secret.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.APPSECRET_MISSING);
		}
		Account account = this.accounts.find(appId).orElseThrow(() -> WeChatErrors.of(WeChatErrorCode.INVALID_APPID));
		if (!MessageDigest.isEqual(account.secret().getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_8))) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_APPSECRET);
		}
		return account;
	}

}

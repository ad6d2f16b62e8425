package io.wxhub.sandbox.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.wechat.WeChatErrors;
import io.wxhub.sandbox.wechat.WeChatException;

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
			throw WeChatException.of(40002);
		}
		if (appId == null || appId.isEmpty()) {
			throw WeChatException.of(41002);
		}
		if (secret == null || secret.isEmpty()) {
			throw WeChatException.of(41004);
		}
		Account account = this.accounts.find(appId).orElseThrow(() -> WeChatException.of(40013));
		if (!MessageDigest.isEqual(account.secret().getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_8))) {
			throw WeChatException.of(40125);
		}
		if (!new IpWhitelist(account.ipWhitelist()).admits(callerIp)) {
			throw new WeChatException(40164, WeChatErrors.invalidIp(callerIp));
		}
		return account;
	}

}

package io.wxhub.sandbox.account;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.wxhub.sandbox.system.SandboxProperties;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The configured accounts by AppID.
 */
@Component
public class AccountRegistry {

	private static final Logger log = LoggerFactory.getLogger(AccountRegistry.class);

	private final Map<String, Account> accounts = new LinkedHashMap<>();

	public AccountRegistry(SandboxProperties properties) {
		properties.accounts().forEach((account) -> this.accounts.put(account.appId(), account));
		log.info("Emulating WeChat for {} account(s): {}", this.accounts.size(), this.accounts.keySet());
	}

	/**
	 * @param appId an AppID, possibly {@code null}
	 * @return the account, if configured
	 */
	public Optional<Account> find(String appId) {
		return Optional.ofNullable((appId != null) ? this.accounts.get(appId) : null);
	}

	/**
	 * @param appId an AppID named by a {@code /sandbox} request
	 * @return the account
	 * @throws UnknownAppException if it is not configured
	 */
	public Account require(String appId) {
		return find(appId).orElseThrow(() -> new UnknownAppException(appId));
	}

	/**
	 * @return all accounts in configuration order
	 */
	public Collection<Account> all() {
		return this.accounts.values();
	}

}

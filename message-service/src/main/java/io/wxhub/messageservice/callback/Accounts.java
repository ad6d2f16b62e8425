package io.wxhub.messageservice.callback;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.protocol.xml.XmlCodec;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The configured callback accounts by AppID. */
@Component
class Accounts {

	private final Map<String, Account> byAppId;

	Accounts(MessageServiceProperties properties, XmlCodec codec) {
		this.byAppId = properties.apps()
			.stream()
			.map((app) -> Account.of(app, codec))
			.collect(Collectors.toUnmodifiableMap((account) -> account.app().appId(), Function.identity()));
	}

	Account require(String appId) {
		Account account = this.byAppId.get(appId);
		if (account == null) {
			throw new CallbackRejected(HttpStatus.NOT_FOUND, "unknown-app", "No callback account " + appId);
		}
		return account;
	}

}

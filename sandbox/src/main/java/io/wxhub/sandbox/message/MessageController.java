package io.wxhub.sandbox.message;

import java.util.List;

import io.wxhub.sandbox.account.AccountRegistry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessageController {

	private final MessageLog log;

	private final AccountRegistry accounts;

	MessageController(MessageLog log, AccountRegistry accounts) {
		this.log = log;
		this.accounts = accounts;
	}

	@GetMapping("/sandbox/apps/{appId}/messages")
	List<SentMessage> messages(@PathVariable String appId, @RequestParam(required = false) String openid) {
		this.accounts.require(appId);
		return this.log.messages(appId, openid);
	}

}

package io.wxhub.sandbox.conversation;

import java.util.List;

import io.wxhub.sandbox.account.AccountRegistry;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/sandbox/apps/{appId}/conversations/{openid}")
class ConversationController {

	private final Conversations conversations;

	private final AccountRegistry accounts;

	ConversationController(Conversations conversations, AccountRegistry accounts) {
		this.conversations = conversations;
		this.accounts = accounts;
	}

	@GetMapping
	List<ConversationEntry> conversation(@PathVariable String appId, @PathVariable String openid) {
		this.accounts.require(appId);
		return this.conversations.entries(appId, openid);
	}

	// the console's live view: customer-service messages appear without reload
	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String appId, @PathVariable String openid) {
		this.accounts.require(appId);
		return this.conversations.watch(appId, openid);
	}

	@DeleteMapping
	ResponseEntity<Void> clear(@PathVariable String appId, @PathVariable String openid) {
		this.accounts.require(appId);
		this.conversations.clear(appId, openid);
		return ResponseEntity.noContent().build();
	}

}

package io.wxhub.sandbox.inspect;

import java.util.Map;

import io.wxhub.sandbox.account.AccountRegistry;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/sandbox/apps/{appId}/calls")
class CallsController {

	private final CallCounter calls;

	private final AccountRegistry accounts;

	CallsController(CallCounter calls, AccountRegistry accounts) {
		this.calls = calls;
		this.accounts = accounts;
	}

	@GetMapping
	CallsView calls(@PathVariable String appId) {
		this.accounts.require(appId);
		return new CallsView(appId, this.calls.calls(appId));
	}

	@DeleteMapping
	ResponseEntity<Void> clear(@PathVariable String appId) {
		this.accounts.require(appId);
		this.calls.clear(appId);
		return ResponseEntity.noContent().build();
	}

	record CallsView(String appId, Map<String, Long> calls) {
	}

}

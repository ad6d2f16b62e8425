package io.wxhub.sandbox.apicall;

import java.util.List;

import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.feed.FeedLimit;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/sandbox/apps/{appId}/api-calls")
class ApiCallController {

	private final ApiCallLog calls;

	private final AccountRegistry accounts;

	ApiCallController(ApiCallLog calls, AccountRegistry accounts) {
		this.calls = calls;
		this.accounts = accounts;
	}

	@GetMapping
	List<ApiCall> calls(@PathVariable String appId, @RequestParam(required = false) Integer limit) {
		this.accounts.require(appId);
		return this.calls.latest(appId, FeedLimit.check(limit, ApiCallLog.KEPT_PER_APP));
	}

	// the console's live view: each call appears once answered
	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String appId) {
		this.accounts.require(appId);
		return this.calls.watch(appId);
	}

}

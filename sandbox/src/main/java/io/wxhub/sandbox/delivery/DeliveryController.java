package io.wxhub.sandbox.delivery;

import java.util.List;
import java.util.regex.Pattern;

import io.wxhub.sandbox.account.AccountRegistry;
import io.wxhub.sandbox.feed.FeedLimit;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/sandbox/apps/{appId}/deliveries")
class DeliveryController {

	private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final DeliveryLog deliveries;

	private final AccountRegistry accounts;

	DeliveryController(DeliveryLog deliveries, AccountRegistry accounts) {
		this.deliveries = deliveries;
		this.accounts = accounts;
	}

	@GetMapping
	List<PushDelivery> deliveries(@PathVariable String appId, @RequestParam(required = false) String openid,
			@RequestParam(required = false) Integer limit) {
		this.accounts.require(appId);
		return this.deliveries.latest(appId, checked(openid), FeedLimit.check(limit, DeliveryLog.KEPT_PER_APP));
	}

	// the console's live view: each push appears once delivered
	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String appId, @RequestParam(required = false) String openid) {
		this.accounts.require(appId);
		return this.deliveries.watch(appId, checked(openid));
	}

	private static String checked(String openid) {
		if (openid == null || openid.isEmpty()) {
			return null;
		}
		if (!OPENID.matcher(openid).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"An openid is 1 to 64 characters of [A-Za-z0-9_-]");
		}
		return openid;
	}

}

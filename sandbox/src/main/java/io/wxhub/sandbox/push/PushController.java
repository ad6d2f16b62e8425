package io.wxhub.sandbox.push;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PushController {

	private final PushService push;

	PushController(PushService push) {
		this.push = push;
	}

	// answers once the callback answered or every attempt failed, like the follower's
	// wait
	@PostMapping("/sandbox/apps/{appId}/followers/{openid}/send")
	PushResult send(@PathVariable String appId, @PathVariable String openid, @Valid @RequestBody SendRequest send) {
		return this.push.send(appId, openid, send);
	}

}

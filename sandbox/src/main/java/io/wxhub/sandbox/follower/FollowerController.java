package io.wxhub.sandbox.follower;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/sandbox/apps/{appId}/followers")
class FollowerController {

	private final FollowerRegistry followers;

	FollowerController(FollowerRegistry followers) {
		this.followers = followers;
	}

	@GetMapping
	List<Follower> followers(@PathVariable String appId) {
		return this.followers.followers(appId);
	}

	@PostMapping
	Follower save(@PathVariable String appId, @Valid @RequestBody(required = false) FollowerUpdate update) {
		FollowerUpdate given = (update != null) ? update : new FollowerUpdate(null, null, null, null);
		return this.followers.save(appId, given.openid(), given.nickname(), given.lastMessageAt(), given.subscribed());
	}

	/**
	 * A follower to create or change; absent fields stay as they are.
	 *
	 * @param openid the OpenID, absent for the next numbered follower
	 * @param nickname their nickname: 1 to 32 characters, not only spaces, no control
	 * characters
	 * @param lastMessageAt when they last wrote (ISO-8601), which opens a 48 h window
	 * @param subscribed whether they follow the account
	 */
	record FollowerUpdate(@Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String openid,
			@Size(max = 32) @Pattern(regexp = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*") String nickname,
			Instant lastMessageAt, Boolean subscribed) {
	}

}

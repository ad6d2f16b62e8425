package io.wxhub.sandbox.user;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.follower.Follower;
import io.wxhub.sandbox.follower.FollowerRegistry;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatBodies;
import io.wxhub.sandbox.wechat.WeChatErrors;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// lang only picks the language of place names, which WeChat no longer returns: ignored
@RestController
class UserController {

	private static final int PAGE_SIZE = 10_000;

	private static final int BATCH_SIZE = 100;

	private final FollowerRegistry followers;

	private final WeChatBodies bodies;

	UserController(FollowerRegistry followers, WeChatBodies bodies) {
		this.followers = followers;
		this.bodies = bodies;
	}

	@GetMapping(CgiPaths.USER_INFO)
	UserInfo info(AuthorizedApp app, @RequestParam(required = false) String openid) {
		return UserInfo.of(this.followers.require(app.appId(), openid));
	}

	@PostMapping(CgiPaths.USER_INFO_BATCH)
	UserInfoList batch(AuthorizedApp app, @RequestBody(required = false) byte[] body) {
		JsonNode users = this.bodies.object(body).get("user_list");
		if (users == null || !users.isArray()) {
			throw WeChatErrors.of(WeChatErrorCode.DATA_FORMAT_ERROR);
		}
		if (users.isEmpty() || users.size() > BATCH_SIZE) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_ARGS);
		}
		List<UserInfo> infos = new ArrayList<>();
		for (JsonNode user : users) {
			JsonNode openid = user.get("openid");
			String value = (openid != null && openid.isString()) ? openid.stringValue() : null;
			infos.add(UserInfo.of(this.followers.require(app.appId(), value)));
		}
		return new UserInfoList(infos);
	}

	// next_openid of a page is its last OpenID, also on the last page; a page after
	// the last one is empty with next_openid ""
	@GetMapping(CgiPaths.USER_GET)
	FollowerPage list(AuthorizedApp app, @RequestParam(name = "next_openid", required = false) String nextOpenid) {
		List<Follower> all = this.followers.followers(app.appId());
		int start = 0;
		if (nextOpenid != null && !nextOpenid.isEmpty()) {
			start = all.stream().map(Follower::openid).toList().indexOf(nextOpenid) + 1;
			if (start == 0) {
				throw WeChatErrors.of(WeChatErrorCode.INVALID_OPENID);
			}
		}
		List<String> page = all.subList(start, all.size())
			.stream()
			.filter(Follower::subscribed)
			.limit(PAGE_SIZE)
			.map(Follower::openid)
			.toList();
		long total = all.stream().filter(Follower::subscribed).count();
		return new FollowerPage(total, page.size(), new OpenidList(page),
				page.isEmpty() ? "" : page.get(page.size() - 1));
	}

	record UserInfoList(@JsonProperty("user_info_list") List<UserInfo> userInfoList) {
	}

	record FollowerPage(long total, int count, OpenidList data, @JsonProperty("next_openid") String nextOpenid) {
	}

	record OpenidList(List<String> openid) {
	}

}

package io.wxhub.sandbox.message;

import java.time.Clock;
import java.time.Instant;

import io.wxhub.protocol.error.WeChatError;
import io.wxhub.sandbox.conversation.Conversations;
import io.wxhub.sandbox.follower.FollowerRegistry;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatBodies;
import io.wxhub.sandbox.wechat.WeChatErrors;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomMessageController {

	private final WeChatBodies bodies;

	private final FollowerRegistry followers;

	private final CustomMessageValidator validator;

	private final MessageLog log;

	private final Conversations conversations;

	private final Clock clock;

	CustomMessageController(WeChatBodies bodies, FollowerRegistry followers, CustomMessageValidator validator,
			MessageLog log, Conversations conversations, Clock clock) {
		this.bodies = bodies;
		this.followers = followers;
		this.validator = validator;
		this.log = log;
		this.conversations = conversations;
		this.clock = clock;
	}

	// checked in this order: recipient known, message valid, recipient follows, window
	@PostMapping(CgiPaths.CUSTOM_SEND)
	WeChatError send(AuthorizedApp app, @RequestBody(required = false) byte[] body) {
		ObjectNode message = this.bodies.object(body);
		String openid = CustomMessageValidator.text(message, "touser");
		this.followers.require(app.appId(), openid);
		String msgtype = this.validator.validate(app.appId(), message);
		Instant now = this.clock.instant();
		this.followers.spendCustomMessage(app.appId(), openid, now);
		this.log.record(app.appId(), new SentMessage(openid, msgtype, message, now, null));
		this.conversations.customerService(app.appId(), openid, msgtype, message, now);
		return WeChatErrors.OK;
	}

}

package io.wxhub.sandbox.message;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.follower.FollowerRegistry;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatBodies;
import io.wxhub.sandbox.wechat.WeChatErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TemplateMessageController {

	private final WeChatBodies bodies;

	private final FollowerRegistry followers;

	private final TemplateSends sends;

	TemplateMessageController(WeChatBodies bodies, FollowerRegistry followers, TemplateSends sends) {
		this.bodies = bodies;
		this.followers = followers;
		this.sends = sends;
	}

	// any non-blank template_id is taken as one of the account's templates
	@PostMapping(CgiPaths.TEMPLATE_SEND)
	TemplateResponse send(AuthorizedApp app, @RequestBody(required = false) byte[] body) {
		ObjectNode message = this.bodies.rawUtf8Object(body);
		if (CustomMessageValidator.text(message, "template_id") == null) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_TEMPLATE_ID);
		}
		String openid = CustomMessageValidator.text(message, "touser");
		this.followers.require(app.appId(), openid);
		if (!isValidData(message.get("data"))) {
			throw WeChatErrors.of(WeChatErrorCode.ARGUMENT_INVALID);
		}
		this.followers.requireSubscribed(app.appId(), openid);
		long msgid = this.sends.send(app.appId(), openid, CustomMessageValidator.text(message, "client_msg_id"),
				message);
		return new TemplateResponse(0, "ok", msgid);
	}

	// {"keyword1":{"value":"..."},...}
	private static boolean isValidData(JsonNode data) {
		return data != null && data.isObject()
				&& data.valueStream().allMatch((field) -> field.isObject() && field.has("value"));
	}

	record TemplateResponse(int errcode, String errmsg, long msgid) {
	}

}

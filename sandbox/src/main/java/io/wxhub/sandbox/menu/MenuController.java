package io.wxhub.sandbox.menu;

import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.wechat.CgiPaths;
import io.wxhub.sandbox.wechat.WeChatBodies;
import io.wxhub.sandbox.wechat.WeChatErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MenuController {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final MenuStore menus;

	private final WeChatBodies bodies;

	MenuController(MenuStore menus, WeChatBodies bodies) {
		this.menus = menus;
		this.bodies = bodies;
	}

	@PostMapping(CgiPaths.MENU_CREATE)
	WeChatError create(AuthorizedApp app, @RequestBody(required = false) byte[] body) {
		ArrayNode buttons = MenuValidator.validate(this.bodies.rawUtf8Object(body));
		this.menus.put(app.appId(), buttons);
		return WeChatErrors.OK;
	}

	@GetMapping(CgiPaths.MENU_GET)
	ObjectNode get(AuthorizedApp app) {
		ArrayNode buttons = this.menus.find(app.appId())
			.orElseThrow(() -> WeChatErrors.of(WeChatErrorCode.MENU_NOT_EXIST));
		ObjectNode answer = NODES.objectNode();
		answer.putObject("menu").set("button", buttons);
		return answer;
	}

	// the console's shape: sub-buttons nested one level deeper, as {"list":[...]}
	@GetMapping(CgiPaths.SELF_MENU_INFO)
	ObjectNode selfMenuInfo(AuthorizedApp app) {
		ArrayNode buttons = this.menus.find(app.appId()).orElse(null);
		ObjectNode answer = NODES.objectNode();
		answer.put("is_menu_open", (buttons != null) ? 1 : 0);
		ArrayNode list = answer.putObject("selfmenu_info").putArray("button");
		if (buttons != null) {
			buttons.forEach((button) -> list.add(selfMenuButton(button)));
		}
		return answer;
	}

	@GetMapping(CgiPaths.MENU_DELETE)
	WeChatError delete(AuthorizedApp app) {
		this.menus.delete(app.appId());
		return WeChatErrors.OK;
	}

	private static ObjectNode selfMenuButton(JsonNode button) {
		JsonNode subButtons = button.get("sub_button");
		if (subButtons == null || subButtons.isEmpty()) {
			ObjectNode leaf = (ObjectNode) button.deepCopy();
			leaf.remove("sub_button");
			return leaf;
		}
		ObjectNode parent = NODES.objectNode();
		parent.set("name", button.get("name"));
		ArrayNode list = parent.putObject("sub_button").putArray("list");
		subButtons.forEach((subButton) -> list.add(selfMenuButton(subButton)));
		return parent;
	}

}

package io.wxhub.sandbox.menu;

import io.wxhub.sandbox.account.AccountRegistry;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The menu a follower sees at the bottom of the chat (the console's), as created through
 * {@code menu/create}: {@code {"button":[…]}}, empty when the account has none. The
 * sandbox has no conditional menus, so every follower sees the same one.
 */
@RestController
class FollowerMenuController {

	private final AccountRegistry accounts;

	private final MenuStore menus;

	FollowerMenuController(AccountRegistry accounts, MenuStore menus) {
		this.accounts = accounts;
		this.menus = menus;
	}

	@GetMapping("/sandbox/apps/{appId}/menu")
	ObjectNode menu(@PathVariable String appId) {
		this.accounts.require(appId);
		ObjectNode answer = JsonNodeFactory.instance.objectNode();
		answer.set("button", this.menus.find(appId).orElseGet(JsonNodeFactory.instance::arrayNode));
		return answer;
	}

}

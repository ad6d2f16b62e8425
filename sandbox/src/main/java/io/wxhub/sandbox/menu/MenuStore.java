package io.wxhub.sandbox.menu;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.node.ArrayNode;

import io.wxhub.sandbox.system.SandboxState;

import org.springframework.stereotype.Component;

/**
 * The custom menu of each app: its {@code button} array exactly as created.
 */
@Component
class MenuStore implements SandboxState {

	private final Map<String, ArrayNode> menus = new ConcurrentHashMap<>();

	void put(String appId, ArrayNode buttons) {
		this.menus.put(appId, buttons.deepCopy());
	}

	Optional<ArrayNode> find(String appId) {
		return Optional.ofNullable(this.menus.get(appId)).map(ArrayNode::deepCopy);
	}

	void delete(String appId) {
		this.menus.remove(appId);
	}

	@Override
	public void reset() {
		this.menus.clear();
	}

}

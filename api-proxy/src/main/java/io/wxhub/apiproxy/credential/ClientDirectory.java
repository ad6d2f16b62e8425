package io.wxhub.apiproxy.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;

import org.springframework.stereotype.Component;

/** Finds clients by key (constant-time) or by id. */
@Component
public class ClientDirectory {

	private final ApiProxyProperties properties;

	public ClientDirectory(ApiProxyProperties properties) {
		this.properties = properties;
	}

	/** The client whose key this is. */
	public Optional<Client> byKey(String key) {
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		byte[] presented = key.getBytes(StandardCharsets.UTF_8);
		Client match = null;
		for (Client client : this.properties.clients()) {
			// Compare against every key so timing tells nothing about which one matched.
			if (MessageDigest.isEqual(presented, client.key().getBytes(StandardCharsets.UTF_8))) {
				match = client;
			}
		}
		return Optional.ofNullable(match);
	}

	/** The client with this id, as configured now. */
	public Optional<Client> byId(String id) {
		return this.properties.client(id);
	}

}

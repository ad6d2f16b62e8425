package io.wxhub.tokenserver.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.Client;

import org.springframework.stereotype.Component;

/**
 * Decides who may read which app's credentials: a {@code Bearer} client key, compared in
 * constant time, and the client's list of apps.
 */
@Component
public class CallerKeys {

	private final TokenServerProperties properties;

	public CallerKeys(TokenServerProperties properties) {
		this.properties = properties;
	}

	/**
	 * Checks the Authorization header for an app; throws the matching
	 * {@link AccessDeniedException}.
	 */
	public Client authorize(String authorization, String appId) {
		Client client = authenticate(authorization)
			.orElseThrow(() -> new AccessDeniedException(AccessDeniedException.Reason.UNAUTHENTICATED,
					"A valid Bearer client key is required"));
		if (this.properties.app(appId).isEmpty()) {
			throw new AccessDeniedException(AccessDeniedException.Reason.UNKNOWN_APP,
					"No app " + appId + " is configured");
		}
		if (!client.apps().contains(appId)) {
			throw new AccessDeniedException(AccessDeniedException.Reason.FORBIDDEN,
					"Client " + client.id() + " may not read app " + appId);
		}
		return client;
	}

	private Optional<Client> authenticate(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
		Client match = null;
		for (Client client : this.properties.clients()) {
			// Compare against every key so timing tells nothing about which one matched.
			if (MessageDigest.isEqual(presented, client.key().getBytes(StandardCharsets.UTF_8))) {
				match = client;
			}
		}
		return Optional.ofNullable(match);
	}

}

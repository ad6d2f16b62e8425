package io.wxhub.client;

import java.net.URI;
import java.util.List;

/**
 * Which token-server URLs one call tries, in order: the call goes to the first, and to
 * the next one when a URL cannot be reached or answers a 5xx that is not the token
 * server's own answer (see {@link WxhubTokens}). The plain client tries them in the
 * configured order ({@link #ordered()}); the Spring Boot auto-configuration lets Spring
 * Cloud LoadBalancer choose the first when it is present.
 */
@FunctionalInterface
public interface ServerSelection {

	/**
	 * The URLs to try for one call.
	 * @param configured the configured URLs, in their configured order
	 * @return some or all of them, in the order to try; each is tried at most once
	 */
	List<URI> order(List<URI> configured);

	/**
	 * The configured order: the first URL while it answers, the next ones only when it
	 * does not.
	 * @return the ordered selection
	 */
	static ServerSelection ordered() {
		return (configured) -> configured;
	}

}

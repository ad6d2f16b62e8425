package io.wxhub.bench.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The api-proxy's own property names, so that one command line configures both.
 *
 * @param signingKey HMAC-SHA256 key of the proxy tokens
 * @param tokenServer where the real tokens come from
 * @param clients who may exchange a client key for a proxy token, and for which apps
 */
@ConfigurationProperties("api-proxy")
record BaselineProperties(String signingKey, TokenServer tokenServer, List<Client> clients) {

	/**
	 * @param url the token-server's base URL
	 * @param clientKey this proxy's key at the token-server
	 */
	record TokenServer(String url, String clientKey) {
	}

	/**
	 * @param id client id, written into its proxy tokens
	 * @param key the client's secret (its "AppSecret" at the proxy)
	 * @param apps the apps it may call
	 */
	record Client(String id, String key, List<String> apps) {
	}

}

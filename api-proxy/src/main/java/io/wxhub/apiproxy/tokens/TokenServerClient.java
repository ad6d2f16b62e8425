package io.wxhub.apiproxy.tokens;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The token server's HTTP API, as far as the proxy uses it: resolved by Spring Cloud
 * LoadBalancer over the instances of {@code token-server}
 * ({@code spring.cloud.discovery.client.simple.instances.token-server[i].uri}, or the one
 * of {@code api-proxy.token-server.url}), a call that cannot connect retried on the next.
 * Every call but the code exchange is idempotent (reads, a compare-and-refresh); the code
 * exchange is sent again only when it could not connect, so a code reaches the token
 * server once.
 */
@FeignClient(name = "token-server", configuration = TokenServerClientConfiguration.class)
interface TokenServerClient {

	@GetMapping("/v1/apps/{appId}/access-token")
	AccessToken accessToken(@PathVariable("appId") String appId);

	@PostMapping("/v1/apps/{appId}/access-token/refresh")
	AccessToken refresh(@PathVariable("appId") String appId, @RequestBody RefreshRequest request);

	@GetMapping("/v1/apps/{appId}/{name}-ticket")
	Ticket ticket(@PathVariable("appId") String appId, @PathVariable("name") String name);

	/** WeChat's answer to a code exchange, as WeChat wrote it. */
	@PostMapping("/v1/apps/{appId}/oauth2/access-token")
	byte[] exchangeCode(@PathVariable("appId") String appId, @RequestBody CodeRequest request);

	/** The token server's answer. */
	record AccessToken(String appId, String accessToken, String expiresAt, long expiresIn) {

		@Override
		public String toString() {
			return "AccessToken[appId=" + this.appId + ", expiresAt=" + this.expiresAt + ", accessToken=***]";
		}

	}

	/** A compare-and-refresh request. */
	record RefreshRequest(String rejectedToken) {

		@Override
		public String toString() {
			return "RefreshRequest[rejectedToken=***]";
		}

	}

	/** The token server's ticket. */
	record Ticket(String appId, String ticket, String expiresAt, long expiresIn) {

		@Override
		public String toString() {
			return "Ticket[appId=" + this.appId + ", expiresAt=" + this.expiresAt + ", ticket=***]";
		}

	}

	/** A code to exchange. */
	record CodeRequest(String code) {

		@Override
		public String toString() {
			return "CodeRequest[code=***]";
		}

	}

}

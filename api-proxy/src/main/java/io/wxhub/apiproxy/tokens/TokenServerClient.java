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
 * Both calls are idempotent: a read, and a compare-and-refresh.
 */
@FeignClient(name = "token-server", configuration = TokenServerClientConfiguration.class)
interface TokenServerClient {

	@GetMapping("/v1/apps/{appId}/access-token")
	AccessToken accessToken(@PathVariable("appId") String appId);

	@PostMapping("/v1/apps/{appId}/access-token/refresh")
	AccessToken refresh(@PathVariable("appId") String appId, @RequestBody RefreshRequest request);

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

}

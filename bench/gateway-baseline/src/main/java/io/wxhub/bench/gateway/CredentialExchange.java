package io.wxhub.bench.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /cgi-bin/token?grant_type=client_credential&appid&secret}: a client key
 * exchanged for a proxy token, as at the api-proxy, so that a benchmark gets its token
 * the same way from every proxy. Router functions come before Gateway's routes.
 */
@Configuration(proxyBeanMethods = false)
class CredentialExchange {

	private static final Duration LIFETIME = Duration.ofHours(2);

	@Bean
	RouterFunction<ServerResponse> tokenEndpoint(BaselineProperties properties, ProxyTokens tokens) {
		return RouterFunctions.route()
			.GET("/cgi-bin/token", (request) -> exchange(request, properties, tokens))
			.build();
	}

	private static Mono<ServerResponse> exchange(ServerRequest request, BaselineProperties properties,
			ProxyTokens tokens) {
		String appId = request.queryParam("appid").orElse("");
		String secret = request.queryParam("secret").orElse("");
		return properties.clients()
			.stream()
			.filter((client) -> client.key().equals(secret) && client.apps().contains(appId))
			.findFirst()
			.map((client) -> ServerResponse.ok()
				.bodyValue(Map.of("access_token", tokens.issue(client.id(), appId, Instant.now().plus(LIFETIME)),
						"expires_in", LIFETIME.toSeconds())))
			.orElseGet(() -> ServerResponse.ok().bodyValue(Map.of("errcode", 40125, "errmsg", "invalid appsecret")));
	}

}

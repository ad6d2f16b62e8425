package io.wxhub.bench.gateway;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Admits a call only with a valid proxy token in {@code access_token}, and hands the
 * token's app to {@link TokenSwapFilter}. A refusal is WeChat-shaped (HTTP 200, errcode
 * 40001), as the api-proxy answers.
 */
@Component
class ProxyTokenFilter implements GlobalFilter, Ordered {

	static final String APP_ID = ProxyTokenFilter.class.getName() + ".appId";

	private static final byte[] INVALID_TOKEN = "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final ProxyTokens tokens;

	ProxyTokenFilter(ProxyTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ProxyTokens.Verified token = this.tokens
			.verify(exchange.getRequest().getQueryParams().getFirst("access_token"));
		if (token == null) {
			ServerHttpResponse response = exchange.getResponse();
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(INVALID_TOKEN)));
		}
		exchange.getAttributes().put(APP_ID, token.appId());
		return chain.filter(exchange);
	}

	/** Before the swap, and both before the route's URL is resolved. */
	@Override
	public int getOrder() {
		return 0;
	}

}

package io.wxhub.bench.gateway;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Replaces the caller's proxy token with the app's real access token, so that the proxy
 * token never reaches WeChat. Runs before {@link RouteToRequestUrlFilter}, which builds
 * the upstream URL from the request's (now rewritten) query.
 */
@Component
class TokenSwapFilter implements GlobalFilter, Ordered {

	private final RealTokens realTokens;

	TokenSwapFilter(RealTokens realTokens) {
		this.realTokens = realTokens;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String realToken = this.realTokens.of(exchange.getAttribute(ProxyTokenFilter.APP_ID));
		if (realToken == null) {
			exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
			return exchange.getResponse().setComplete();
		}
		// both tokens are base64url or WeChat's token alphabet: nothing to encode
		URI swapped = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
			.replaceQueryParam("access_token", realToken)
			.build(true)
			.toUri();
		return chain.filter(exchange.mutate().request((request) -> request.uri(swapped)).build());
	}

	@Override
	public int getOrder() {
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
	}

}

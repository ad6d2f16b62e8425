package io.wxhub.apiproxy.tokens;

import feign.RequestInterceptor;
import io.wxhub.apiproxy.system.ApiProxyProperties;

import org.springframework.context.annotation.Bean;

/**
 * Per-client Feign configuration (deliberately not a {@code @Configuration}): the proxy's
 * key.
 */
class TokenServerClientConfiguration {

	@Bean
	RequestInterceptor tokenServerBearer(ApiProxyProperties properties) {
		return (request) -> request.header("Authorization", "Bearer " + properties.tokenServer().clientKey());
	}

}

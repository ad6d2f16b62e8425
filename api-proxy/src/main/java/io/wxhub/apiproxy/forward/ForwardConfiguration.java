package io.wxhub.apiproxy.forward;

import java.net.URI;

import io.micrometer.observation.ObservationPredicate;
import io.wxhub.apiproxy.admission.Admission;
import io.wxhub.apiproxy.admission.PathRules;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.WeChatProperties;
import io.wxhub.apiproxy.tokens.AccessTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The forwarded paths ({@code api-proxy.forwarded-prefixes}, except WeChat's credential
 * paths, which the credential exchange answers) routed to the {@link ForwardHandler}, and
 * the client that reaches WeChat.
 */
@Configuration(proxyBeanMethods = false)
class ForwardConfiguration {

	@Bean(destroyMethod = "close")
	WeChatClient weChatClient(WeChatProperties wechat, ApiProxyProperties properties,
			ReactorResourceFactory resources) {
		WeChatClient client = new WeChatClient(URI.create(wechat.apiBaseUrl()), properties.connectTimeout(),
				properties.readTimeout(), null, resources.getLoopResources());
		client.warmup();
		return client;
	}

	/**
	 * Forwarded calls are timed by the audit ({@code wxhub.proxy.requests}); Spring's
	 * {@code http.server.requests} keeps to the proxy's own endpoints.
	 */
	@Bean
	ObservationPredicate forwardedCallsTimedByTheAudit(PathRules paths) {
		return (name, context) -> !(context instanceof ServerRequestObservationContext server
				&& paths.isForwarded(server.getCarrier().getURI().getRawPath()));
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> forwardedApis(PathRules paths, Admission admission, WeChatClient wechat,
			AccessTokens tokens, Audit audit, ApiProxyProperties properties) {
		Relay relay = new Relay(wechat, tokens, audit, properties.readTimeout().toMillis());
		ForwardHandler handler = new ForwardHandler(admission, relay, audit, properties.maxRequestSize().toBytes());
		return RouterFunctions.route((request) -> paths.isForwarded(request.uri().getRawPath()), handler);
	}

}

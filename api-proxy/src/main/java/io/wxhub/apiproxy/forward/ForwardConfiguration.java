package io.wxhub.apiproxy.forward;

import io.wxhub.apiproxy.admission.Admission;
import io.wxhub.apiproxy.admission.PathRules;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.tokens.AccessTokens;
import io.wxhub.domains.WeChatDomains;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The forwarded paths served by the {@link ForwardRoute}, on the server's port ahead of
 * WebFlux, and the client that reaches WeChat.
 */
@Configuration(proxyBeanMethods = false)
class ForwardConfiguration {

	@Bean(destroyMethod = "close")
	WeChatClient weChatClient(WeChatDomains domains, ApiProxyProperties properties, ReactorResourceFactory resources) {
		WeChatClient client = new WeChatClient(domains, properties.connectTimeout(), properties.readTimeout(), null,
				resources.getLoopResources());
		client.warmup();
		return client;
	}

	@Bean
	ForwardRoute forwardRoute(PathRules paths, Admission admission, WeChatClient wechat, AccessTokens tokens,
			Audit audit, ApiProxyProperties properties) {
		Relay relay = new Relay(wechat, tokens, audit, properties.readTimeout().toMillis());
		return new ForwardRoute(paths, admission, relay, audit, properties.maxRequestSize().toBytes());
	}

	@Bean
	WebServerFactoryCustomizer<NettyReactiveWebServerFactory> forwardRouteAheadOfWebFlux(ForwardRoute route) {
		return (factory) -> factory.addRouteProviders(route);
	}

}

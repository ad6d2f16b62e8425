package io.wxhub.apiproxy.forward;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import io.wxhub.apiproxy.admission.Admission;
import io.wxhub.apiproxy.admission.PathRules;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.tokens.AccessTokens;
import io.wxhub.apiproxy.tokens.CodeExchanges;
import io.wxhub.apiproxy.tokens.Tickets;
import io.wxhub.domains.WeChatDomains;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The forwarded paths served by the {@link ForwardRoute} and web authorization's by the
 * {@link SnsRoute}, on the server's port ahead of WebFlux, and the client that reaches
 * WeChat.
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
			Tickets tickets, Audit audit, ApiProxyProperties properties, Clock clock) {
		Relay relay = new Relay(wechat, tokens, audit, properties.readTimeout().toMillis());
		return new ForwardRoute(paths, admission, relay, new TicketAnswers(tickets, audit, clock), audit,
				properties.maxRequestSize().toBytes());
	}

	@Bean
	SnsRoute snsRoute(Admission admission, CodeExchanges exchanges, WeChatClient wechat, Audit audit,
			ApiProxyProperties properties) {
		Set<String> apps = properties.clients()
			.stream()
			.flatMap((client) -> client.apps().stream())
			.collect(Collectors.toUnmodifiableSet());
		return new SnsRoute(new CodeExchangeRelay(admission, exchanges, audit),
				new UserTokenRelay(wechat, audit, apps, properties.readTimeout().toMillis()),
				properties.maxRequestSize().toBytes());
	}

	/** The forwarded paths first: their calls never test the later routes. */
	@Bean
	WebServerFactoryCustomizer<NettyReactiveWebServerFactory> forwardRoutesAheadOfWebFlux(ForwardRoute route,
			SnsRoute sns) {
		return (factory) -> factory.addRouteProviders(route, sns);
	}

}

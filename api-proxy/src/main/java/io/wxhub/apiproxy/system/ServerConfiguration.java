package io.wxhub.apiproxy.system;

import java.time.Duration;

import reactor.netty.NettyPipeline;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The public port's server (Reactor Netty): its event loops, shared with the client
 * towards WeChat so that a forwarded call stays on one thread, and its answer to requests
 * that are not HTTP.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	/** {@code api-proxy.io-threads} event loops for the server and the WeChat client. */
	@Bean
	ReactorResourceFactory reactorResourceFactory(ApiProxyProperties properties) {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		resources
			.setLoopResourcesSupplier(() -> LoopResources.create("proxy-io", properties.effectiveIoThreads(), true));
		resources.setShutdownQuietPeriod(Duration.ofMillis(100));
		return resources;
	}

	@Bean
	NettyServerCustomizer malformedRequestsAsProblems() {
		return (server) -> server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, "wxhub.malformedRequests", new MalformedRequests());
			}
		});
	}

}

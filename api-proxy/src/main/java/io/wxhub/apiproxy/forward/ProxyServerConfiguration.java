package io.wxhub.apiproxy.forward;

import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.DefaultThreadFactory;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet container (credential exchange, actuator) moves to an ephemeral loopback
 * port behind {@link ProxyServer}, which takes {@code server.port}; and a few threads run
 * the steps of a call that block (token server, Redis rate limiter).
 */
@Configuration(proxyBeanMethods = false)
class ProxyServerConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableWebServerFactory> servletBehindProxyServer() {
		return new LoopbackServlet();
	}

	@Bean(destroyMethod = "shutdown")
	ExecutorService proxyBlockingExecutor() {
		return new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				new DefaultThreadFactory("proxy-blocking"));
	}

	/** Applied after {@code server.*}, which it overrides for the servlet container. */
	private static final class LoopbackServlet
			implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableWebServerFactory factory) {
			factory.setPort(0);
			factory.setAddress(InetAddress.getLoopbackAddress());
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}

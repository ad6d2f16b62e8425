package io.wxhub.system.client;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.wxhub.client.WxhubTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static io.wxhub.system.client.TokenServerStack.APP;
import static io.wxhub.system.client.TokenServerStack.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny Spring Boot application whose only configuration is the two properties gets a
 * working {@link WxhubTokens} bean from the auto-configuration, with the token server's
 * instances in Spring Cloud LoadBalancer (here one of them dead) and its metrics in the
 * application's registry.
 */
@ExtendWith(SharedTokenServerStack.class)
class WxhubTokensSpringBootTests {

	@Test
	void aSpringBootAppWithTheTwoPropertiesGetsWorkingTokens(TokenServerStack stack) {
		String urls = TokenServerStack.deadUrl() + "," + stack.url();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TinyApp.class)
			.web(WebApplicationType.NONE)
			.run("--wxhub.token-server.urls=" + urls, "--wxhub.token-server.client-key=" + KEY)) {
			WxhubTokens tokens = app.getBean(WxhubTokens.class);
			for (int i = 0; i < 4; i++) {
				assertThat(stack.tokenValid(APP, tokens.accessToken(APP))).isTrue();
				assertThat(tokens.jsapiSignature(APP, "https://wxhub.example/").appId()).isEqualTo(APP);
			}
			assertThat(stack.ticketValid(APP, tokens.jsapiTicket(APP))).isTrue();
			List<String> instances = app.getBean(LoadBalancerClientFactory.class)
				.getInstance("wxhub-token-server", ServiceInstanceListSupplier.class)
				.get()
				.blockFirst()
				.stream()
				.map((instance) -> instance.getMetadata().get("wxhub-url"))
				.toList();
			assertThat(instances).containsExactly(urls.split(","));
			assertThat(app.getBean(MeterRegistry.class).get("wxhub.client.requests").timers()).isNotEmpty();
		}
	}

	// WxJava's starter is on this module's class path for WxJavaStarterTests; this app
	// uses the client alone
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = "com.binarywang.spring.starter.wxjava.mp.config.WxMpAutoConfiguration")
	static class TinyApp {

	}

}

package io.wxhub.client.autoconfigure;

import java.net.URI;

import io.micrometer.core.instrument.MeterRegistry;
import io.wxhub.client.WxhubTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link WxhubTokens} bean, once {@code wxhub.token-server.urls} and
 * {@code wxhub.token-server.client-key} are set (and the application has none of its
 * own). With Micrometer, its metrics go to the application's {@code MeterRegistry}; with
 * Spring Cloud LoadBalancer (unless {@code spring.cloud.loadbalancer.enabled=false}),
 * LoadBalancer chooses the URL each request tries first.
 * {@link WxhubTokensBuilderCustomizer} beans adjust the rest.
 */
@AutoConfiguration
@Conditional(OnTokenServerConfiguredCondition.class)
@EnableConfigurationProperties(WxhubTokenServerProperties.class)
public class WxhubTokensAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WxhubTokens wxhubTokens(WxhubTokenServerProperties properties,
			ObjectProvider<WxhubTokensBuilderCustomizer> customizers) {
		WxhubTokens.Builder builder = WxhubTokens.builder()
			.urls(properties.urls().stream().map(URI::toString).toList())
			.clientKey(properties.clientKey())
			.httpTimeouts(properties.connectTimeout(), properties.readTimeout());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class WxhubTokensMetricsConfiguration {

		@Bean
		WxhubTokensBuilderCustomizer wxhubTokensMeterRegistry(ObjectProvider<MeterRegistry> registry) {
			return (builder) -> registry.ifUnique(builder::meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory")
	@ConditionalOnBooleanProperty(name = "spring.cloud.loadbalancer.enabled", matchIfMissing = true)
	@LoadBalancerClient(name = LoadBalancedServerSelection.SERVICE_ID,
			configuration = TokenServerInstancesConfiguration.class)
	static class WxhubTokensLoadBalancerConfiguration {

		@Bean
		WxhubTokensBuilderCustomizer wxhubTokensLoadBalancer(ObjectProvider<LoadBalancerClientFactory> balancers) {
			return (builder) -> balancers
				.ifUnique((factory) -> builder.serverSelection(new LoadBalancedServerSelection(factory)));
		}

	}

}

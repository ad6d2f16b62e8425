package io.wxhub.domains;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * WeChat's domains of {@code wechat.*} ({@link WeChatDomains}), the probe that brings an
 * open circuit back, and the health component {@code wechat}.
 */
@AutoConfiguration
@EnableConfigurationProperties(WeChatDomainsProperties.class)
public class WeChatDomainsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WeChatDomains weChatDomains(WeChatDomainsProperties properties, ObjectProvider<MeterRegistry> meters) {
		return WeChatDomains.of(properties, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean(destroyMethod = "close")
	DomainProbe weChatDomainProbe(WeChatDomains domains, WeChatDomainsProperties properties) {
		DomainProbe probe = new DomainProbe(domains, properties.failover().probeTimeout());
		probe.start(properties.failover().probeInterval());
		return probe;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class WeChatHealthConfiguration {

		/** Health component {@code wechat}: the domain in use and each circuit. */
		@Bean
		@ConditionalOnMissingBean(name = "wechatHealthIndicator")
		HealthIndicator wechatHealthIndicator(WeChatDomains domains) {
			return new WeChatDomainsHealthIndicator(domains);
		}

	}

}

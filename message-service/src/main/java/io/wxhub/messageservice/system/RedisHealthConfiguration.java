package io.wxhub.messageservice.system;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health component {@code redis}: answers when a Redis read succeeds (part of readiness).
 */
@Configuration(proxyBeanMethods = false)
class RedisHealthConfiguration {

	@Bean
	HealthIndicator redisHealthIndicator(RedissonClient redisson) {
		return () -> {
			try {
				redisson.getBucket("wxhub:health", StringCodec.INSTANCE).isExists();
				return Health.up().build();
			}
			catch (RuntimeException ex) {
				return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
			}
		};
	}

}

package io.wxhub.redis;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redisson client every service keeps its shared state with (see
 * {@link RedissonConfigFactory}), its health component {@code redis} and its gauge
 * {@code wxhub.redis.up}.
 */
@AutoConfiguration
@ConditionalOnClass(Redisson.class)
@EnableConfigurationProperties({ RedisConnectionProperties.class, RedissonProperties.class })
public class RedissonClientAutoConfiguration {

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean
	RedissonClient redissonClient(RedisConnectionProperties redis, RedissonProperties redisson,
			ObjectProvider<SslBundles> sslBundles) {
		return Redisson.create(RedissonConfigFactory.create(redis, redisson, sslBundles.getIfAvailable()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class RedisHealthConfiguration {

		/**
		 * Health component {@code redis}: up when a Redis read succeeds (part of
		 * readiness).
		 */
		@Bean
		@ConditionalOnMissingBean(name = "redisHealthIndicator")
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class RedisMetricsConfiguration {

		/** Gauge {@code wxhub.redis.up}, for the "Redis down" alert. */
		@Bean
		@ConditionalOnMissingBean
		RedisUpMeter redisUpMeter(RedissonClient redisson) {
			return new RedisUpMeter(redisson);
		}

	}

}

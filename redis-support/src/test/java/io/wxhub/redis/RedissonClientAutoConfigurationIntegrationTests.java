package io.wxhub.redis;

import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration against a real Redis: a working client from
 * {@code spring.data.redis.url}, and the {@code redis} health component.
 */
class RedissonClientAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedissonClientAutoConfiguration.class));

	@Test
	void aClientOnTheConfiguredRedisAndItsHealth() {
		String key = TestRedis.newPrefix("redis-support") + ":probe";
		this.runner.withPropertyValues("spring.data.redis.url=" + TestRedis.url(), "wxhub.redis.netty-threads=0")
			.run((context) -> {
				RedissonClient client = context.getBean(RedissonClient.class);
				client.getBucket(key).set("value");
				assertThat(TestRedis.client().getBucket(key).get()).isEqualTo("value");
				HealthIndicator health = context.getBean("redisHealthIndicator", HealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				assertThat(context).hasSingleBean(RedisUpMeter.class);
			});
		TestRedis.client().getBucket(key).delete();
	}

}

package io.wxhub.redis;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.testsupport.OwnedRedis;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code wxhub.redis.up} follows a real Redis that stops and comes back. */
class RedisUpMeterIntegrationTests {

	@Test
	void isOneWhileRedisAnswersAndZeroWhileItDoesNot() {
		try (OwnedRedis redis = OwnedRedis.start()) {
			Config config = new Config();
			config.useSingleServer().setAddress(redis.url()).setTimeout(200).setConnectTimeout(200).setRetryAttempts(0);
			RedissonClient client = Redisson.create(config);
			try {
				MeterRegistry meters = new SimpleMeterRegistry();
				new RedisUpMeter(client).bindTo(meters);
				await().until(() -> up(meters) == 1);
				redis.stop();
				await().until(() -> up(meters) == 0);
				redis.resume();
				await().until(() -> up(meters) == 1);
			}
			finally {
				client.shutdown();
			}
		}
	}

	private static double up(MeterRegistry meters) {
		return meters.get("wxhub.redis.up").gauge().value();
	}

}

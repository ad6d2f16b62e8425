package io.wxhub.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redisson's own settings ({@code wxhub.redis.*}). Unset values keep Redisson's defaults;
 * the services' yml sets them (see docs/configuration.md).
 *
 * @param redissonConfig a Redisson YAML file (any topology and every Redisson setting);
 * when set, it is the whole configuration and {@code spring.data.redis.*} and the
 * settings below are not read
 * @param nettyThreads Netty event-loop threads shared by all connections; 0 = Netty's
 * default of two per core (Redisson's own default is 32)
 * @param threads threads that run listeners and callbacks (Redisson's default is 16)
 * @param retryAttempts how often a command is retried after a failure to send it
 * @param pingConnectionInterval how often idle connections are checked with a PING; zero
 * turns it off
 */
@ConfigurationProperties("wxhub.redis")
public record RedissonProperties(String redissonConfig, Integer nettyThreads, Integer threads, Integer retryAttempts,
		Duration pingConnectionInterval) {
}

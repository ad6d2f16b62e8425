package io.wxhub.tokenserver.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redisson client. A single server from {@code spring.data.redis.url}
 * ({@code REDIS_URL}), or any Redisson topology (Sentinel, Cluster) from the YAML file
 * named by {@code wxhub.redis.redisson-config}.
 */
@Configuration(proxyBeanMethods = false)
class RedissonConfiguration {

	@Bean(destroyMethod = "shutdown")
	RedissonClient redissonClient(@Value("${spring.data.redis.url:redis://127.0.0.1:6379}") String url,
			@Value("${wxhub.redis.redisson-config:}") String configFile) throws IOException {
		Config config = configFile.isBlank() ? singleServer(url) : Config.fromYAML(Path.of(configFile).toFile());
		return Redisson.create(config);
	}

	static Config singleServer(String url) {
		URI uri = URI.create(url);
		Config config = new Config();
		// Netty's default of 2 threads per core, not Redisson's 32: on small machines 32
		// event loops contending for the cores stretched the latency tail (see
		// docs/performance.md).
		config.setNettyThreads(0);
		SingleServerConfig server = config.useSingleServer();
		server.setAddress(uri.getScheme() + "://" + uri.getHost() + ":" + ((uri.getPort() > 0) ? uri.getPort() : 6379));
		String userInfo = uri.getUserInfo();
		if (userInfo != null && !userInfo.isEmpty()) {
			int colon = userInfo.indexOf(':');
			if (colon > 0) {
				server.setUsername(userInfo.substring(0, colon));
			}
			server.setPassword(userInfo.substring(colon + 1));
		}
		String path = uri.getPath();
		if (path != null && path.length() > 1) {
			server.setDatabase(Integer.parseInt(path.substring(1)));
		}
		// Fail fast while Redis is away: reads fall back to the near-cache instead of
		// waiting.
		server.setConnectTimeout(1000);
		server.setTimeout(1000);
		server.setRetryAttempts(1);
		server.setPingConnectionInterval(1000);
		return config;
	}

}

package io.wxhub.testsupport;

import java.util.UUID;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one place that decides which real Redis the tests use: {@code REDIS_URL} when set,
 * else a Testcontainers Redis when Docker is available, else an embedded Redis. Resolved
 * once per JVM. Tests keep their keys under a prefix from {@link #newPrefix(String)} and
 * remove them with {@link #deleteKeys(String)}.
 */
public final class TestRedis {

	private static final Logger log = LoggerFactory.getLogger(TestRedis.class);

	private static String url;

	private static RedissonClient client;

	private TestRedis() {
	}

	/** The {@code redis://} URL every test in this JVM shares. */
	public static synchronized String url() {
		if (url == null) {
			url = resolve();
		}
		return url;
	}

	/** A unique key prefix for one test class or case, under {@code wxhub-test:}. */
	public static String newPrefix(String name) {
		return "wxhub-test:" + name + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Deletes every key under the prefix. */
	public static void deleteKeys(String prefix) {
		client().getKeys().deleteByPattern(prefix + "*");
	}

	/** A Redisson client on the shared test Redis, for assertions and clean-up. */
	public static synchronized RedissonClient client() {
		if (client == null) {
			Config config = new Config();
			config.useSingleServer().setAddress(url());
			client = Redisson.create(config);
		}
		return client;
	}

	private static String resolve() {
		String fromEnv = System.getenv("REDIS_URL");
		if (fromEnv != null && !fromEnv.isBlank()) {
			log.info("Tests use Redis from REDIS_URL");
			return fromEnv;
		}
		if (dockerAvailable()) {
			GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
				.withExposedPorts(6379);
			container.start();
			log.info("Tests use a Testcontainers Redis");
			return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
		}
		OwnedRedis embedded = OwnedRedis.start();
		Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop));
		log.info("Tests use an embedded Redis");
		return embedded.url();
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}

package io.wxhub.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReplicatedServersConfig;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Redisson configuration built from each kind of {@code spring.data.redis.*} input,
 * from {@code wxhub.redis.*}, and from a Redisson YAML file.
 */
class RedissonConfigFactoryTests {

	@Test
	void urlGivesHostPortCredentialsAndDatabase() {
		Config config = build(Map.of("spring.data.redis.url", "redis://alice:s3cret@redis.internal:6380/3",
				"spring.data.redis.host", "ignored", "spring.data.redis.password", "ignored"));
		SingleServerConfig server = single(config);
		assertThat(server.getAddress()).isEqualTo("redis://redis.internal:6380");
		assertThat(server.getDatabase()).isEqualTo(3);
		assertThat(config.getUsername()).isEqualTo("alice");
		assertThat(config.getPassword()).isEqualTo("s3cret");
	}

	@Test
	void urlWithPasswordOnlyAndNoPortOrDatabase() {
		Config config = build(
				Map.of("spring.data.redis.url", "redis://:s3cret@redis.internal", "spring.data.redis.database", "2"));
		SingleServerConfig server = single(config);
		assertThat(server.getAddress()).isEqualTo("redis://redis.internal:6379");
		assertThat(server.getDatabase()).as("spring.data.redis.database when the URL has none").isEqualTo(2);
		assertThat(config.getUsername()).isNull();
		assertThat(config.getPassword()).isEqualTo("s3cret");
	}

	@Test
	void redissUrlMeansTls() {
		assertThat(single(build(Map.of("spring.data.redis.url", "rediss://redis.internal:6380"))).getAddress())
			.isEqualTo("rediss://redis.internal:6380");
	}

	@Test
	void hostPortAndCredentialsWithoutUrl() {
		Config config = build(Map.of("spring.data.redis.host", "redis.internal", "spring.data.redis.port", "6390",
				"spring.data.redis.username", "bob", "spring.data.redis.password", "pw", "spring.data.redis.database",
				"5"));
		SingleServerConfig server = single(config);
		assertThat(server.getAddress()).isEqualTo("redis://redis.internal:6390");
		assertThat(server.getDatabase()).isEqualTo(5);
		assertThat(config.getUsername()).isEqualTo("bob");
		assertThat(config.getPassword()).isEqualTo("pw");
	}

	@Test
	void bootsDefaultsWithoutAnyProperty() {
		SingleServerConfig server = single(build(Map.of()));
		assertThat(server.getAddress()).isEqualTo("redis://localhost:6379");
		assertThat(server.getDatabase()).isZero();
	}

	@Test
	void sslEnabledGivesTlsAddresses() {
		assertThat(single(build(Map.of("spring.data.redis.host", "h", "spring.data.redis.ssl.enabled", "true")))
			.getAddress()).isEqualTo("rediss://h:6379");
	}

	@Test
	void timeoutsAndClientName() {
		SingleServerConfig server = single(build(Map.of("spring.data.redis.timeout", "1500ms",
				"spring.data.redis.connect-timeout", "2s", "spring.data.redis.client-name", "token-server")));
		assertThat(server.getTimeout()).isEqualTo(1500);
		assertThat(server.getConnectTimeout()).isEqualTo(2000);
		assertThat(server.getClientName()).isEqualTo("token-server");
	}

	@Test
	void sentinel() {
		Config config = build(Map.of("spring.data.redis.sentinel.master", "mymaster",
				"spring.data.redis.sentinel.nodes", "s1:26379, s2:26380", "spring.data.redis.sentinel.username",
				"sentinel-user", "spring.data.redis.sentinel.password", "sentinel-pw", "spring.data.redis.password",
				"data-pw", "spring.data.redis.database", "4", "spring.data.redis.timeout", "1s"));
		assertThat(config.isSentinelConfig()).isTrue();
		SentinelServersConfig sentinel = config.useSentinelServers();
		assertThat(sentinel.getMasterName()).isEqualTo("mymaster");
		assertThat(sentinel.getSentinelAddresses()).containsExactly("redis://s1:26379", "redis://s2:26380");
		assertThat(sentinel.getSentinelUsername()).isEqualTo("sentinel-user");
		assertThat(sentinel.getSentinelPassword()).isEqualTo("sentinel-pw");
		assertThat(sentinel.getDatabase()).isEqualTo(4);
		assertThat(sentinel.getTimeout()).isEqualTo(1000);
		assertThat(config.getPassword()).isEqualTo("data-pw");
	}

	@Test
	void cluster() {
		Config config = build(Map.of("spring.data.redis.cluster.nodes", "c1:7000,c2:7001",
				"spring.data.redis.ssl.enabled", "true", "spring.data.redis.password", "pw"));
		assertThat(config.isClusterConfig()).isTrue();
		ClusterServersConfig cluster = config.useClusterServers();
		assertThat(cluster.getNodeAddresses()).containsExactly("rediss://c1:7000", "rediss://c2:7001");
		assertThat(config.getPassword()).isEqualTo("pw");
	}

	@Test
	void masterReplica() {
		Config config = build(Map.of("spring.data.redis.masterreplica.nodes", "r1:6379,redis://r2:6379",
				"spring.data.redis.database", "1"));
		ReplicatedServersConfig replicated = config.useReplicatedServers();
		assertThat(replicated.getNodeAddresses()).containsExactly("redis://r1:6379", "redis://r2:6379");
		assertThat(replicated.getDatabase()).isEqualTo(1);
	}

	@Test
	void redissonSettingsFromWxhubRedis() {
		Config config = build(Map.of("wxhub.redis.netty-threads", "0", "wxhub.redis.threads", "4",
				"wxhub.redis.retry-attempts", "1", "wxhub.redis.ping-connection-interval", "1s"));
		assertThat(config.getNettyThreads()).isZero();
		assertThat(config.getThreads()).isEqualTo(4);
		SingleServerConfig server = single(config);
		assertThat(server.getRetryAttempts()).isEqualTo(1);
		assertThat(server.getPingConnectionInterval()).isEqualTo(1000);
	}

	@Test
	void unsetRedissonSettingsKeepRedissonsDefaults() {
		Config defaults = new Config();
		Config config = build(Map.of());
		assertThat(config.getNettyThreads()).isEqualTo(defaults.getNettyThreads());
		assertThat(config.getThreads()).isEqualTo(defaults.getThreads());
		assertThat(single(config).getRetryAttempts()).isEqualTo(defaults.useSingleServer().getRetryAttempts());
	}

	@Test
	void sslBundleGivesTrustAndKeyMaterial() throws GeneralSecurityException, IOException {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("redis",
				SslBundle.of(SslStoreBundle.of(null, null, trust)));
		Map<String, String> properties = Map.of("spring.data.redis.host", "h", "spring.data.redis.ssl.bundle", "redis");
		Config config = RedissonConfigFactory.create(
				bind(properties, "spring.data.redis", RedisConnectionProperties.class),
				bind(properties, "wxhub.redis", RedissonProperties.class), bundles);
		assertThat(single(config).getAddress()).as("a bundle turns TLS on").isEqualTo("rediss://h:6379");
		assertThat(config.getSslTrustManagerFactory()).isNotNull();
	}

	@Test
	void aRedissonYamlFileIsTheWholeConfiguration(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("redisson.yml");
		Files.writeString(file, """
				sentinelServersConfig:
				  masterName: "yaml-master"
				  sentinelAddresses:
				    - "redis://sentinel.internal:26379"
				nettyThreads: 8
				""");
		Config config = build(Map.of("wxhub.redis.redisson-config", file.toString(), "spring.data.redis.url",
				"redis://ignored:6379", "wxhub.redis.netty-threads", "0"));
		assertThat(config.isSentinelConfig()).isTrue();
		assertThat(config.useSentinelServers().getMasterName()).isEqualTo("yaml-master");
		assertThat(config.getNettyThreads()).isEqualTo(8);
	}

	@Test
	void aBadUrlIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(Map.of("spring.data.redis.url", "http://user:topsecret@redis.internal")))
			.withMessageContaining("spring.data.redis.url")
			.withMessageNotContaining("topsecret");
	}

	private static Config build(Map<String, String> properties) {
		return RedissonConfigFactory.create(bind(properties, "spring.data.redis", RedisConnectionProperties.class),
				bind(properties, "wxhub.redis", RedissonProperties.class), null);
	}

	private static <T> T bind(Map<String, String> properties, String prefix, Class<T> type) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
	}

	private static SingleServerConfig single(Config config) {
		assertThat(config.isSingleConfig()).as("a single server").isTrue();
		return config.useSingleServer();
	}

}

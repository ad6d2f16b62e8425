package io.wxhub.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.SentinelServersConfig;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Builds the Redisson {@link Config} of a service: from a Redisson YAML file when
 * {@code wxhub.redis.redisson-config} names one, otherwise from
 * {@code spring.data.redis.*} with Boot's meanings (sentinel, then cluster, then
 * master/replica, then a single server; a URL's credentials and TLS scheme win over the
 * separate properties) and Redisson's settings from {@code wxhub.redis.*}.
 */
public final class RedissonConfigFactory {

	private static final int DEFAULT_PORT = 6379;

	private RedissonConfigFactory() {
	}

	/**
	 * The configuration the properties describe.
	 * @param redis {@code spring.data.redis.*}
	 * @param redisson {@code wxhub.redis.*}
	 * @param sslBundles where {@code spring.data.redis.ssl.bundle} is looked up; may be
	 * null when no bundle is named
	 */
	public static Config create(RedisConnectionProperties redis, RedissonProperties redisson, SslBundles sslBundles) {
		if (StringUtils.hasText(redisson.redissonConfig())) {
			return fromYaml(redisson.redissonConfig());
		}
		Endpoint endpoint = Endpoint.of(redis);
		Config config = new Config();
		config.setUsername(endpoint.username());
		config.setPassword(endpoint.password());
		BaseConfig<?> servers = servers(config, redis, endpoint);
		if (redis.timeout() != null) {
			servers.setTimeout(millis(redis.timeout()));
		}
		if (redis.connectTimeout() != null) {
			servers.setConnectTimeout(millis(redis.connectTimeout()));
		}
		servers.setClientName(redis.clientName());
		if (redisson.retryAttempts() != null) {
			servers.setRetryAttempts(redisson.retryAttempts());
		}
		if (redisson.pingConnectionInterval() != null) {
			servers.setPingConnectionInterval(millis(redisson.pingConnectionInterval()));
		}
		if (redisson.nettyThreads() != null) {
			config.setNettyThreads(redisson.nettyThreads());
		}
		if (redisson.threads() != null) {
			config.setThreads(redisson.threads());
		}
		if (redis.ssl().bundle() != null) {
			applyBundle(config, redis.ssl().bundle(), sslBundles);
		}
		return config;
	}

	private static BaseConfig<?> servers(Config config, RedisConnectionProperties redis, Endpoint endpoint) {
		String scheme = endpoint.ssl() ? "rediss://" : "redis://";
		if (redis.sentinel() != null) {
			SentinelServersConfig sentinel = config.useSentinelServers()
				.setMasterName(redis.sentinel().master())
				.setSentinelUsername(redis.sentinel().username())
				.setSentinelPassword(redis.sentinel().password())
				.setDatabase(endpoint.database());
			sentinel.addSentinelAddress(addresses(scheme, redis.sentinel().nodes()));
			return sentinel;
		}
		if (redis.cluster() != null) {
			return config.useClusterServers().addNodeAddress(addresses(scheme, redis.cluster().nodes()));
		}
		if (redis.masterreplica() != null) {
			return config.useReplicatedServers()
				.addNodeAddress(addresses(scheme, redis.masterreplica().nodes()))
				.setDatabase(endpoint.database());
		}
		return config.useSingleServer()
			.setAddress(scheme + endpoint.host() + ":" + endpoint.port())
			.setDatabase(endpoint.database());
	}

	private static String[] addresses(String scheme, List<String> nodes) {
		if (nodes == null || nodes.isEmpty()) {
			throw new IllegalArgumentException("spring.data.redis: sentinel, cluster and masterreplica need nodes");
		}
		return nodes.stream()
			.map(String::strip)
			.map((node) -> node.startsWith("redis://") || node.startsWith("rediss://") ? node : scheme + node)
			.toArray(String[]::new);
	}

	private static void applyBundle(Config config, String name, SslBundles sslBundles) {
		if (sslBundles == null) {
			throw new IllegalStateException("spring.data.redis.ssl.bundle is set but there are no SSL bundles");
		}
		SslBundle bundle = sslBundles.getBundle(name);
		config.setSslTrustManagerFactory(bundle.getManagers().getTrustManagerFactory());
		config.setSslKeyManagerFactory(bundle.getManagers().getKeyManagerFactory());
		config.setSslProtocols(bundle.getOptions().getEnabledProtocols());
		config.setSslCiphers(bundle.getOptions().getCiphers());
	}

	private static Config fromYaml(String file) {
		try {
			return Config.fromYAML(new File(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Redisson configuration " + file, ex);
		}
	}

	private static int millis(Duration duration) {
		return Math.toIntExact(duration.toMillis());
	}

	/**
	 * Where and as whom to connect: the URL's parts when a URL is given, else the
	 * separate properties.
	 */
	private record Endpoint(String host, int port, int database, String username, String password, boolean ssl) {

		static Endpoint of(RedisConnectionProperties redis) {
			if (!StringUtils.hasText(redis.url())) {
				return new Endpoint(redis.host(), redis.port(), redis.database(), redis.username(), redis.password(),
						redis.ssl().isEnabled());
			}
			URI uri = parse(redis.url());
			String username = null;
			String password = null;
			String userInfo = uri.getUserInfo();
			if (userInfo != null) {
				int colon = userInfo.indexOf(':');
				username = (colon > 0) ? userInfo.substring(0, colon) : null;
				password = (colon >= 0) ? userInfo.substring(colon + 1) : userInfo;
			}
			String path = uri.getPath();
			int database = (path != null && path.length() > 1) ? Integer.parseInt(path.substring(1)) : redis.database();
			int port = (uri.getPort() > 0) ? uri.getPort() : DEFAULT_PORT;
			return new Endpoint(uri.getHost(), port, database, username, password,
					"rediss".equals(uri.getScheme()) || redis.ssl().isEnabled());
		}

		/**
		 * The URL, checked; its text is never part of the message (it may hold a
		 * password).
		 */
		private static URI parse(String url) {
			try {
				URI uri = new URI(url);
				if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
					throw new IllegalArgumentException(
							"spring.data.redis.url must be redis://[user:password@]host[:port][/database] or rediss://…");
				}
				return uri;
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException("spring.data.redis.url is not a valid URL");
			}
		}

	}

}

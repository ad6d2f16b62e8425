package io.wxhub.redis;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Spring Boot's Redis connection properties ({@code spring.data.redis.*}), with Boot's
 * meanings, read for the Redisson client. Lettuce's and Jedis' own settings
 * ({@code client-type}, {@code lettuce.*}, {@code jedis.*},
 * {@code cluster.max-redirects}) have no Redisson counterpart and are not read.
 *
 * @param url {@code redis://[user:password@]host[:port][/database]}; {@code rediss://}
 * for TLS. Overrides host, port, username and password, and the database when it has a
 * path
 * @param host server host, when no URL is given
 * @param port server port, when no URL is given
 * @param username login username (Redis ACL)
 * @param password login password
 * @param database database index (single server, sentinel and master/replica)
 * @param timeout how long a command may take to answer
 * @param connectTimeout how long a connection may take to open
 * @param clientName the name set with {@code CLIENT SETNAME} on every connection
 * @param sentinel Sentinel: the master's name and the sentinels
 * @param cluster Cluster: the initial nodes
 * @param masterreplica a fixed set of master and replica nodes; the master is found among
 * them
 * @param ssl TLS
 */
@ConfigurationProperties("spring.data.redis")
public record RedisConnectionProperties(String url, @DefaultValue("localhost") String host,
		@DefaultValue("6379") int port, String username, String password, @DefaultValue("0") int database,
		Duration timeout, Duration connectTimeout, String clientName, Sentinel sentinel, Cluster cluster,
		Masterreplica masterreplica, @DefaultValue Ssl ssl) {

	@Override
	public String toString() {
		return "RedisConnectionProperties[host=" + this.host + ", port=" + this.port + ", database=" + this.database
				+ ", url=" + ((this.url != null) ? "***" : null) + ", password=***]";
	}

	/**
	 * Redis Sentinel.
	 *
	 * @param master the name of the monitored master
	 * @param nodes the sentinels, {@code host:port}
	 * @param username login username at the sentinels
	 * @param password login password at the sentinels
	 */
	public record Sentinel(String master, List<String> nodes, String username, String password) {

		@Override
		public String toString() {
			return "Sentinel[master=" + this.master + ", nodes=" + this.nodes + ", password=***]";
		}

	}

	/**
	 * Redis Cluster.
	 *
	 * @param nodes initial nodes, {@code host:port}; the others are discovered
	 */
	public record Cluster(List<String> nodes) {
	}

	/**
	 * Static master/replica nodes.
	 *
	 * @param nodes every node, {@code host:port}
	 */
	public record Masterreplica(List<String> nodes) {
	}

	/**
	 * TLS towards Redis.
	 *
	 * @param enabled whether to use TLS; by default when a bundle is named
	 * @param bundle the SSL bundle ({@code spring.ssl.bundle.*}) with the trust and key
	 * material
	 */
	public record Ssl(Boolean enabled, String bundle) {

		/** Whether TLS is on, as Boot decides: explicitly, or by naming a bundle. */
		public boolean isEnabled() {
			return (this.enabled != null) ? this.enabled : this.bundle != null;
		}

	}

}

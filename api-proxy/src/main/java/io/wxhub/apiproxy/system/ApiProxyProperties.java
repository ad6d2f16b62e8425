package io.wxhub.apiproxy.system;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the API-Proxy ({@code api-proxy.*}).
 *
 * @param tokenServer how the proxy reaches the token server
 * @param signingKey HMAC key of proxy tokens, the same on every replica; at least 32
 * characters
 * @param clients the callers, their keys, apps, allowed paths and rate limits
 * @param forwardedPrefixes path prefixes forwarded to WeChat
 * @param proxyTokenLifetime lifetime of a proxy token ({@code expires_in} of the
 * exchange)
 * @param tokenCacheTtl how long a replica reuses a real token before asking the token
 * server again
 * @param connectTimeout connect timeout towards WeChat
 * @param readTimeout time WeChat has to start answering before the proxy answers 504
 * @param maxRequestSize larger request bodies are refused (413)
 * @param redisPrefix prefix of every Redis key (rate limiters)
 * @param ioThreads event-loop threads of the public port; 0 = one per core
 */
@ConfigurationProperties("api-proxy")
@Validated
public record ApiProxyProperties(@NotNull @Valid TokenServer tokenServer, @NotBlank @Size(min = 32) String signingKey,
		@NotEmpty @Valid List<Client> clients, @DefaultValue( {
				"/cgi-bin/", "/datacube/", "/customservice/" }) List<String> forwardedPrefixes,
		@DefaultValue("7200s") @NotNull Duration proxyTokenLifetime,
		@DefaultValue("30s") @NotNull Duration tokenCacheTtl, @DefaultValue("2s") @NotNull Duration connectTimeout,
		@DefaultValue("10s") @NotNull Duration readTimeout, @DefaultValue("21MB") @NotNull DataSize maxRequestSize,
		@DefaultValue("wxhub") @NotBlank String redisPrefix, @DefaultValue("0") @Min(0) int ioThreads){

	/** The event-loop threads to run: {@code ioThreads}, or one per core. */
	public int effectiveIoThreads() {
		return (this.ioThreads > 0) ? this.ioThreads : Runtime.getRuntime().availableProcessors();
	}

	/** The client with this id, if configured. */
	public Optional<Client> client(String id) {
		return this.clients.stream().filter((client) -> client.id().equals(id)).findFirst();
	}

	@Override
	public String toString() {
		return "ApiProxyProperties[clients=" + this.clients + ", signingKey=***]";
	}

	/**
	 * The token server.
	 *
	 * @param url its base URL
	 * @param clientKey the proxy's own client key there
	 */
	public record TokenServer(@NotBlank String url, @NotBlank String clientKey) {

		@Override
		public String toString() {
			return "TokenServer[url=" + this.url + ", clientKey=***]";
		}

	}

	/**
	 * A caller of the proxy.
	 *
	 * @param id its name in audit lines and metrics
	 * @param key its key, presented as the "secret" of the token exchange; never logged
	 * @param apps AppIDs it may use
	 * @param allow path globs it may call (Ant style: {@code /cgi-bin/menu/**}); empty =
	 * none
	 * @param rateLimit calls per second across all replicas; 0 = unlimited
	 */
	public record Client(@NotBlank String id, @NotBlank String key, List<String> apps, List<String> allow,
			@DefaultValue("0") @Min(0) int rateLimit) {

		public Client {
			apps = (apps != null) ? apps : List.of();
			allow = (allow != null) ? allow : List.of();
		}

		@Override
		public String toString() {
			return "Client[id=" + this.id + ", apps=" + this.apps + ", key=***]";
		}

	}

}

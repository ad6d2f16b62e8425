package io.wxhub.tokenserver.system;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the token server ({@code token-server.*}).
 *
 * @param apps the WeChat accounts served; the only place AppSecrets live
 * @param clients the internal callers and the apps each may read
 * @param refreshAhead refresh a token proactively once less than this remains
 * @param dailyBudget upstream token calls allowed per app, kind and day (WeChat allows
 * 2000)
 * @param minForcedInterval when WeChat cannot tell whether a rejected token is dead, a
 * forced refresh is refused while the token is younger than this
 * @param livenessCheckInterval at most one call per app in this window, across all
 * replicas, asks WeChat whether a rejected token is dead; others reuse its verdict
 * @param checkInterval how often each replica checks whether a token needs a proactive
 * refresh
 * @param nearCacheTtl how long a replica serves a token from memory before re-reading
 * Redis
 * @param expiryMargin a token is considered expired this long before WeChat's stated
 * expiry
 * @param redisPrefix prefix of every Redis key
 * @param upstream calls to WeChat's token endpoints
 * @param lock the cluster-wide refresh lock
 */
@ConfigurationProperties("token-server")
@Validated
public record TokenServerProperties(@NotEmpty @Valid List<App> apps, @NotEmpty @Valid List<Client> clients,
		@DefaultValue("10m") @NotNull Duration refreshAhead, @DefaultValue("2000") @Min(1) int dailyBudget,
		@DefaultValue("30s") @NotNull Duration minForcedInterval,
		@DefaultValue("5s") @NotNull Duration livenessCheckInterval,
		@DefaultValue("30s") @NotNull Duration checkInterval, @DefaultValue("1s") @NotNull Duration nearCacheTtl,
		@DefaultValue("60s") @NotNull Duration expiryMargin, @DefaultValue("wxhub") @NotBlank String redisPrefix,
		@DefaultValue @Valid Upstream upstream, @DefaultValue @Valid Lock lock) {

	public TokenServerProperties {
		clients = (clients != null) ? clients : List.of();
	}

	/** Finds a configured app by its AppID. */
	public java.util.Optional<App> app(String appId) {
		return this.apps.stream().filter((app) -> app.appId().equals(appId)).findFirst();
	}

	/**
	 * One WeChat account.
	 *
	 * @param appId the AppID
	 * @param secret the AppSecret; never logged nor returned
	 * @param mode which WeChat endpoint issues its tokens
	 */
	public record App(@NotBlank String appId, @NotBlank String secret, @DefaultValue("classic") @NotNull Mode mode) {

		@Override
		public String toString() {
			return "App[appId=" + this.appId + ", mode=" + this.mode + ", secret=***]";
		}

	}

	/** Which WeChat endpoint issues an app's access tokens. */
	public enum Mode {

		/** {@code GET /cgi-bin/token}: every call issues a new token. */
		CLASSIC,
		/**
		 * {@code POST /cgi-bin/stable_token}: the same token until shortly before expiry.
		 */
		STABLE

	}

	/**
	 * An internal caller.
	 *
	 * @param id a name for logs and metrics
	 * @param key the bearer key it presents; never logged
	 * @param apps the AppIDs it may read
	 */
	public record Client(@NotBlank String id, @NotBlank String key, List<String> apps) {

		public Client {
			apps = (apps != null) ? apps : List.of();
		}

		@Override
		public String toString() {
			return "Client[id=" + this.id + ", apps=" + this.apps + ", key=***]";
		}

	}

	/**
	 * Calls to WeChat.
	 *
	 * @param timeout connect and read timeout of one call
	 * @param maxAttempts attempts of one refresh when WeChat answers -1, 5xx or times out
	 * @param initialBackoff pause after the first failed attempt, doubled each time
	 * @param maxBackoff cap of that pause
	 * @param failureBackoff after a refresh failed on transient errors, no new attempt
	 * for this long
	 * @param configErrorBackoff after a configuration error (40013, 40125, 40164…), no
	 * new attempt for this long
	 */
	public record Upstream(@DefaultValue("3s") @NotNull Duration timeout, @DefaultValue("4") @Min(1) int maxAttempts,
			@DefaultValue("200ms") @NotNull Duration initialBackoff, @DefaultValue("2s") @NotNull Duration maxBackoff,
			@DefaultValue("5s") @NotNull Duration failureBackoff,
			@DefaultValue("5m") @NotNull Duration configErrorBackoff) {
	}

	/**
	 * The cluster-wide refresh lock.
	 *
	 * @param waitTime how long a caller waits for another replica's refresh
	 * @param leaseTime how long a lock is held at most, should its holder die
	 */
	public record Lock(@DefaultValue("5s") @NotNull Duration waitTime,
			@DefaultValue("30s") @NotNull Duration leaseTime) {
	}

}

package io.wxhub.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The access tokens, jsapi tickets and wx_card tickets of WeChat accounts, from wxhub's
 * token server: the one place that holds the AppSecrets and refreshes them.
 * <ul>
 * <li>Each token and ticket is cached in this JVM until 5 s before the token server's
 * {@code expiresAt}, and never handed out at or after it; at most for the builder's
 * {@linkplain Builder#maxCacheAge max cache age} (30 s by default), because a token the
 * server has replaced stays valid at WeChat for only 5 minutes more.
 * <li>However many threads ask for the same app and kind at once, one request is in
 * flight; the others wait for its answer.
 * <li>The token server's URLs are tried in order: a request goes to the next one when a
 * URL cannot be reached, times out, or answers a 5xx that is not the token server's own
 * answer. A URL that failed is tried after the others for the next 30 s.
 * <li>Refusals raise {@link WxhubTokenException}: 401, 403, 404, and 503 with
 * {@code Retry-After} and WeChat's errcode when no valid token can be had now.
 * <li>With a Micrometer registry: the timer {@code wxhub.client.requests} (tags
 * {@code kind}, {@code outcome}), the counters {@code wxhub.client.failovers}
 * ({@code kind}) and {@code wxhub.client.cache.gets} ({@code kind}, {@code result}).
 * </ul>
 * Neither the client key nor a token ever appears in a log line, an exception's message
 * or a {@code toString()}. Instances are thread-safe; build one per application.
 */
public interface WxhubTokens {

	/**
	 * The app's current access token.
	 * @param appId the app's AppID
	 * @return the token
	 * @throws WxhubTokenException when the token server gives none
	 */
	String accessToken(String appId);

	/**
	 * Compare-and-refresh after WeChat rejected a token (40001, 40014, 42001): drops
	 * {@code rejectedToken} from the cache and asks the token server for the current
	 * token, which it refreshes only if it is still the rejected one. Many threads
	 * reporting the same token cause one request.
	 * @param appId the app's AppID
	 * @param rejectedToken the token WeChat rejected
	 * @return the token to retry with
	 * @throws WxhubTokenException when the token server gives none
	 */
	String refreshRejected(String appId, String rejectedToken);

	/**
	 * The app's current jsapi ticket, for JS-SDK signatures.
	 * @param appId the app's AppID
	 * @return the ticket
	 * @throws WxhubTokenException when the token server gives none
	 */
	String jsapiTicket(String appId);

	/**
	 * The app's current wx_card ticket ({@code getticket?type=wx_card}).
	 * @param appId the app's AppID
	 * @return the ticket
	 * @throws WxhubTokenException when the token server gives none
	 */
	String cardTicket(String appId);

	/**
	 * A JS-SDK signature of a page URL, made by the token server with the app's jsapi
	 * ticket (a fresh timestamp and nonce each time; not cached).
	 * @param appId the app's AppID
	 * @param url the full page URL ({@code http(s)://…}); a fragment is ignored
	 * @return what {@code wx.config} needs
	 * @throws WxhubTokenException when the token server gives none
	 */
	JsapiSignature jsapiSignature(String appId, String url);

	/**
	 * Starts building a client.
	 * @return a builder that needs at least {@link Builder#urls} and
	 * {@link Builder#clientKey}
	 */
	static Builder builder() {
		return new Builder();
	}

	/** Builds a {@link WxhubTokens}. */
	final class Builder {

		private final List<URI> urls = new ArrayList<>();

		private String clientKey;

		private Duration connectTimeout = Duration.ofSeconds(2);

		private Duration readTimeout = Duration.ofSeconds(10);

		private Duration maxCacheAge = Duration.ofSeconds(30);

		private Object meterRegistry;

		private ServerSelection serverSelection = ServerSelection.ordered();

		private Clock clock = Clock.systemUTC();

		Builder() {
		}

		/**
		 * The token server's base URLs, such as {@code http://token-server:8081}: each
		 * replica, or one load balancer in front of them.
		 * @param urls one or more http(s) URLs, in the order to try them
		 * @return this builder
		 */
		public Builder urls(List<String> urls) {
			this.urls.clear();
			for (String url : Objects.requireNonNull(urls, "urls")) {
				this.urls.add(checkedUrl(url));
			}
			return this;
		}

		/**
		 * This application's client key at the token server (sent as
		 * {@code Authorization: Bearer}).
		 * @param clientKey the key
		 * @return this builder
		 */
		public Builder clientKey(String clientKey) {
			this.clientKey = clientKey;
			return this;
		}

		/**
		 * How long connecting to one URL, and one answer, may take (2 s and 10 s by
		 * default).
		 * @param connect the connect timeout
		 * @param read the time from sending a request to its whole answer
		 * @return this builder
		 */
		public Builder httpTimeouts(Duration connect, Duration read) {
			this.connectTimeout = positive(connect, "connect timeout");
			this.readTimeout = positive(read, "read timeout");
			return this;
		}

		/**
		 * How long a token or ticket is reused at most before the token server is asked
		 * again, however long it is valid (30 s by default).
		 * @param maxCacheAge the maximum age
		 * @return this builder
		 */
		public Builder maxCacheAge(Duration maxCacheAge) {
			this.maxCacheAge = positive(maxCacheAge, "max cache age");
			return this;
		}

		/**
		 * A Micrometer {@code MeterRegistry} to record the client's metrics in; typed
		 * {@code Object} so that the client needs no Micrometer without one.
		 * @param meterRegistry the registry, or null for no metrics
		 * @return this builder
		 */
		public Builder meterRegistry(Object meterRegistry) {
			this.meterRegistry = meterRegistry;
			return this;
		}

		/**
		 * Which URLs a request tries, in which order ({@link ServerSelection#ordered()}
		 * by default).
		 * @param serverSelection the selection
		 * @return this builder
		 */
		public Builder serverSelection(ServerSelection serverSelection) {
			this.serverSelection = Objects.requireNonNull(serverSelection, "serverSelection");
			return this;
		}

		/**
		 * The clock that expiries are checked against (tests).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 * @throws IllegalStateException without URLs or client key
		 */
		public WxhubTokens build() {
			if (this.urls.isEmpty()) {
				throw new IllegalStateException("At least one token-server URL is required");
			}
			if (this.clientKey == null || this.clientKey.isBlank()) {
				throw new IllegalStateException("A client key is required");
			}
			HttpClient http = HttpClient.newBuilder()
				.connectTimeout(this.connectTimeout)
				.version(HttpClient.Version.HTTP_1_1)
				.build();
			Replicas replicas = new Replicas(this.urls, this.serverSelection, this.clock);
			ClientMetrics metrics = ClientMetrics.of(this.meterRegistry);
			TokenServerTransport transport = new TokenServerTransport(http, replicas, this.clientKey.strip(),
					this.readTimeout, new Refusals(this.clientKey.strip(), this.clock), metrics);
			return new HttpWxhubTokens(transport, metrics, this.clock, this.maxCacheAge, replicas.toString());
		}

		private static URI checkedUrl(String url) {
			URI uri;
			try {
				uri = URI.create(Objects.requireNonNull(url, "url").strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"Not a URL: a token-server URL must be http(s)://host[:port][/path]");
			}
			if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
					|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
				throw new IllegalArgumentException("A token-server URL must be http(s)://host[:port][/path]");
			}
			String text = uri.toString();
			return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
		}

		private static Duration positive(Duration duration, String what) {
			if (duration == null || duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("The " + what + " must be positive");
			}
			return duration;
		}

	}

}

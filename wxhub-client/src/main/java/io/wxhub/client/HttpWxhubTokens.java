package io.wxhub.client;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import io.wxhub.client.CredentialCache.Key;
import io.wxhub.client.TokenServerTransport.Call;

/**
 * {@link WxhubTokens} over the token server's HTTP API: reads answered from the cache
 * while fresh, else by one request per app and kind however many threads ask (the others
 * wait for its answer); one compare-and-refresh per app and rejected token.
 */
final class HttpWxhubTokens implements WxhubTokens {

	private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final TokenServerTransport server;

	private final CredentialCache cache = new CredentialCache();

	private final SingleFlight<Object, Credential> flights = new SingleFlight<>();

	private final ClientMetrics metrics;

	private final Clock clock;

	private final Duration maxCacheAge;

	private final String shown;

	HttpWxhubTokens(TokenServerTransport server, ClientMetrics metrics, Clock clock, Duration maxCacheAge,
			String shown) {
		this.server = server;
		this.metrics = metrics;
		this.clock = clock;
		this.maxCacheAge = maxCacheAge;
		this.shown = shown;
	}

	@Override
	public String accessToken(String appId) {
		return read(appId, CredentialKind.ACCESS_TOKEN);
	}

	@Override
	public String jsapiTicket(String appId) {
		return read(appId, CredentialKind.JSAPI_TICKET);
	}

	@Override
	public String cardTicket(String appId) {
		return read(appId, CredentialKind.CARD_TICKET);
	}

	@Override
	public String refreshRejected(String appId, String rejectedToken) {
		String app = checked(appId);
		if (rejectedToken == null || rejectedToken.isBlank()) {
			throw new IllegalArgumentException("rejectedToken must not be blank");
		}
		Credential cached = this.cache.fresh(new Key(app, CredentialKind.ACCESS_TOKEN), this.clock.instant());
		if (cached != null && !cached.value().equals(rejectedToken)) {
			return cached.value();
		}
		this.cache.rejected(app, rejectedToken);
		CompletableFuture<Credential> refresh = this.flights.join(new Refresh(app, rejectedToken),
				() -> fetch(app, CredentialKind.ACCESS_TOKEN, "access-token-refresh", "/access-token/refresh",
						Answers.object("rejectedToken", rejectedToken))
					.thenApply((fresh) -> {
						this.cache.refreshed(app, fresh);
						return fresh;
					}));
		return handOut(await(refresh));
	}

	@Override
	public JsapiSignature jsapiSignature(String appId, String url) {
		String app = checked(appId);
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("url must not be blank");
		}
		return await(this.server.send(
				new Call("jsapi-signature", app, "/v1/apps/" + app + "/jsapi-signature", Answers.object("url", url)),
				Answers::signature));
	}

	private String read(String appId, CredentialKind kind) {
		Key key = new Key(checked(appId), kind);
		Credential cached = this.cache.fresh(key, this.clock.instant());
		this.metrics.cacheGet(kind, cached != null);
		if (cached != null) {
			return cached.value();
		}
		return handOut(await(this.flights.join(key, () -> {
			// a read that finished since this one looked
			Credential again = this.cache.fresh(key, this.clock.instant());
			if (again != null) {
				return CompletableFuture.completedFuture(again);
			}
			return fetch(key.appId(), kind, kind.tag(), kind.path(), null).thenApply((fresh) -> {
				this.cache.read(key, fresh);
				return fresh;
			});
		})));
	}

	private CompletableFuture<Credential> fetch(String appId, CredentialKind kind, String tag, String path,
			String json) {
		return this.server
			.send(new Call(tag, appId, "/v1/apps/" + appId + path, json), (body) -> Answers.credential(body, kind))
			.thenApply((issued) -> Credential.of(issued, this.clock.instant(), this.maxCacheAge));
	}

	/** The credential's value while it is usable: never at or after its expiry. */
	private String handOut(Credential credential) {
		if (!credential.usableAt(this.clock.instant())) {
			throw new WxhubTokenException("The token server's answer had expired by the time it arrived", 0, null, null,
					null, null, null, null, null);
		}
		return credential.value();
	}

	private static <T> T await(CompletableFuture<T> answer) {
		try {
			return answer.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WxhubTokenException("Interrupted while waiting for the token server", 0, null, null, null, null,
					null, null, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new WxhubTokenException("The token server request failed", 0, null, null, null, null, null, null,
					ex.getCause());
		}
	}

	private static String checked(String appId) {
		if (appId == null || !APP_ID.matcher(appId).matches()) {
			throw new IllegalArgumentException("appId must be 1 to 64 letters, digits, '-' or '_'");
		}
		return appId;
	}

	@Override
	public String toString() {
		return "WxhubTokens[urls=" + this.shown + ", clientKey=***]";
	}

	/** The flight of a compare-and-refresh: per app and rejected token. */
	private record Refresh(String appId, String rejectedToken) {

		@Override
		public String toString() {
			return "Refresh[appId=" + this.appId + ", rejectedToken=***]";
		}

	}

}

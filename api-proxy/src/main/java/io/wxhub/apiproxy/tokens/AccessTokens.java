package io.wxhub.apiproxy.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import feign.FeignException;
import io.wxhub.apiproxy.system.ApiProxyProperties;

import org.springframework.stereotype.Component;

/**
 * The real access tokens, fetched from the token server and reused for
 * {@code token-cache-ttl} (never past their expiry). When WeChat rejects one,
 * {@link #replaceRejected} asks the token server for a compare-and-refresh once per
 * replica and rejected token, however many requests saw the rejection at the same time.
 */
@Component
public class AccessTokens {

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final Map<String, Object> appLocks = new ConcurrentHashMap<>();

	private final TokenServerClient tokenServer;

	private final ApiProxyProperties properties;

	private final Clock clock;

	public AccessTokens(TokenServerClient tokenServer, ApiProxyProperties properties, Clock clock) {
		this.tokenServer = tokenServer;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The app's real token when this replica holds a fresh one, else null; never blocks.
	 */
	public String cached(String appId) {
		Cached cached = this.cache.get(appId);
		return (cached != null && cached.validAt(this.clock.instant())) ? cached.token() : null;
	}

	/** The current real token of the app; asks the token server when none is cached. */
	public String current(String appId) {
		Cached cached = this.cache.get(appId);
		if (cached != null && cached.validAt(this.clock.instant())) {
			return cached.token();
		}
		synchronized (lockFor(appId)) {
			cached = this.cache.get(appId);
			if (cached != null && cached.validAt(this.clock.instant())) {
				return cached.token();
			}
			return remember(call(() -> this.tokenServer.accessToken(appId)));
		}
	}

	/** A token to retry with after WeChat rejected {@code rejected}. */
	public String replaceRejected(String appId, String rejected) {
		synchronized (lockFor(appId)) {
			Cached cached = this.cache.get(appId);
			if (cached != null && !cached.token().equals(rejected) && cached.validAt(this.clock.instant())) {
				return cached.token();
			}
			return remember(
					call(() -> this.tokenServer.refresh(appId, new TokenServerClient.RefreshRequest(rejected))));
		}
	}

	private String remember(TokenServerClient.AccessToken answer) {
		Instant now = this.clock.instant();
		Instant until = now.plus(this.properties.tokenCacheTtl());
		Instant expiresAt = Instant.parse(answer.expiresAt());
		this.cache.put(answer.appId(), new Cached(answer.accessToken(), until.isBefore(expiresAt) ? until : expiresAt));
		return answer.accessToken();
	}

	private Object lockFor(String appId) {
		return this.appLocks.computeIfAbsent(appId, (id) -> new Object());
	}

	private static TokenServerClient.AccessToken call(java.util.function.Supplier<TokenServerClient.AccessToken> call) {
		try {
			return call.get();
		}
		catch (FeignException ex) {
			throw new TokenUnavailableException(ex.status());
		}
		catch (RuntimeException ex) {
			throw new TokenUnavailableException(-1);
		}
	}

	private record Cached(String token, Instant until) {

		boolean validAt(Instant now) {
			return now.isBefore(this.until);
		}

	}

}

package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.tokenserver.system.TokenServerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.wxhub.tokenserver.token.TestProperties.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TokenService}'s near-cache: reads are answered from memory, never waiting on
 * Redis on the caller's thread while the cached token is usable.
 */
class TokenServiceTests {

	private static final TokenKey KEY = new TokenKey(APP, TokenKind.ACCESS_TOKEN);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

	private final TokenServerProperties properties = TestProperties.defaults();

	private final InMemoryTokenStore store = new InMemoryTokenStore(this.properties);

	private final ScriptedWeChat wechat = new ScriptedWeChat(this.properties);

	private final TokenService tokens = tokenService();

	@AfterEach
	void stop() {
		this.tokens.stop();
	}

	@Test
	void aCachedTokenIsServedWithoutTouchingRedisOnTheCallersThread() {
		StoredToken first = this.tokens.get(KEY);
		int reads = this.store.readsOn(Thread.currentThread());
		this.store.goDown();
		for (int i = 0; i < 20; i++) {
			// past the near-cache TTL: Redis is re-read, in the background only
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(this.tokens.get(KEY)).isEqualTo(first);
		}
		assertThat(this.store.readsOn(Thread.currentThread())).isEqualTo(reads);
		assertThat(this.wechat.calls()).containsExactly("token");
	}

	@Test
	void withoutACachedTokenAnUnreachableRedisIsA503() {
		this.store.goDown();
		assertThatExceptionOfType(NoValidTokenException.class).isThrownBy(() -> this.tokens.get(KEY))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
		assertThat(this.wechat.calls()).isEmpty();
	}

	private TokenService tokenService() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		UpstreamFetcher fetcher = new UpstreamFetcher(this.wechat, this.store, this.properties, meters, this.clock);
		return new TokenService(this.store, new TokenRefresher(this.store, fetcher,
				this.wechat.livenessCheck(this.properties, meters, this.clock), this.properties, meters, this.clock),
				this.properties, this.clock);
	}

}

package io.wxhub.apiproxy.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.wxhub.apiproxy.TestProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyTokensTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final ApiProxyProperties PROPERTIES = TestProperties.withClients();

	private final ProxyTokens tokens = new ProxyTokens(PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

	static Stream<Arguments> alterations() {
		return Stream.of(Arguments.of("as issued", (UnaryOperator<String>) (t) -> t, true), Arguments.of("mac changed",
				(UnaryOperator<String>) (t) -> t.substring(0, t.length() - 2) + (t.endsWith("AA") ? "BB" : "AA"),
				false),
				Arguments.of("payload changed",
						(UnaryOperator<String>) (t) -> "wxp1." + ((t.charAt(5) == 'A') ? 'B' : 'A') + t.substring(6),
						false),
				Arguments.of("other version", (UnaryOperator<String>) (t) -> "wxp2" + t.substring(4), false),
				Arguments.of("truncated", (UnaryOperator<String>) (t) -> t.substring(0, t.length() - 1), false),
				Arguments.of("garbage", (UnaryOperator<String>) (t) -> "garbage", false),
				Arguments.of("empty", (UnaryOperator<String>) (t) -> "", false),
				Arguments.of("null", (UnaryOperator<String>) (t) -> null, false));
	}

	@ParameterizedTest(name = "{0}: accepted {2}")
	@MethodSource("alterations")
	void acceptsOnlyTokensAsIssued(String name, UnaryOperator<String> alteration, boolean accepted) {
		String token = this.tokens.issue("all", "wxapp1", NOW.plusSeconds(60));
		assertThat(this.tokens.verify(alteration.apply(token)).isPresent()).isEqualTo(accepted);
	}

	@Test
	void aTokenNamesItsClientAppAndExpiry() {
		Instant expiresAt = NOW.plusSeconds(7200);
		Optional<ProxyToken> verified = this.tokens.verify(this.tokens.issue("all", "wxapp2", expiresAt));
		assertThat(verified).contains(new ProxyToken("all", "wxapp2", expiresAt));
	}

	@Test
	void tokensExpireEvenOnceVerified() {
		String token = this.tokens.issue("all", "wxapp1", NOW.plusSeconds(60));
		assertThat(this.tokens.verify(token)).isPresent();
		ProxyTokens later = new ProxyTokens(PROPERTIES, Clock.fixed(NOW.plus(Duration.ofSeconds(60)), ZoneOffset.UTC));
		assertThat(later.verify(token)).isEmpty();
	}

	@Test
	void anotherSigningKeyRejectsTheToken() {
		String token = this.tokens.issue("all", "wxapp1", NOW.plusSeconds(60));
		ApiProxyProperties other = new ApiProxyProperties(PROPERTIES.tokenServer(),
				"another-signing-key-0123456789abcdefgh", PROPERTIES.clients(), PROPERTIES.forwardedPrefixes(),
				PROPERTIES.proxyTokenLifetime(), PROPERTIES.tokenCacheTtl(), PROPERTIES.connectTimeout(),
				PROPERTIES.readTimeout(), PROPERTIES.maxRequestSize(), PROPERTIES.redisPrefix(), 0);
		assertThat(new ProxyTokens(other, Clock.fixed(NOW, ZoneOffset.UTC)).verify(token)).isEmpty();
	}

	@Test
	void eachTokenIsNew() {
		assertThat(this.tokens.issue("all", "wxapp1", NOW.plusSeconds(60)))
			.isNotEqualTo(this.tokens.issue("all", "wxapp1", NOW.plusSeconds(60)));
	}

}

package io.wxhub.client;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Ordered failover across token-server URLs at the transport level: a refused connection,
 * a timeout, a 5xx that is not the token server's own answer and a body that is not a
 * token-server answer go to the next URL; the token server's 503 and any 4xx do not. A
 * URL that failed is tried last for a while.
 */
class WxhubTokensFailoverTests {

	private static final String SIGNATURE_PATH = "/v1/apps/wx1/jsapi-signature";

	private static final String SIGNATURE = "{\"appId\":\"wx1\",\"timestamp\":1700000000,\"nonceStr\":\"n\",\"signature\":\"s\"}";

	private final StubTokenServer first = new StubTokenServer();

	private final StubTokenServer second = new StubTokenServer().answer(SIGNATURE_PATH,
			() -> StubTokenServer.json(SIGNATURE));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void stop() {
		this.first.close();
		this.second.close();
	}

	@Test
	void aDeadUrlIsSkippedInEitherOrder() {
		String dead = StubTokenServer.deadUrl();
		assertThat(client(dead, this.second.url()).jsapiSignature("wx1", "https://a.example/").signature())
			.isEqualTo("s");
		assertThat(client(this.second.url(), dead).jsapiSignature("wx1", "https://a.example/").signature())
			.isEqualTo("s");
	}

	@Test
	void aFailedUrlIsTriedLastForAWhile() {
		WxhubTokens tokens = client(StubTokenServer.deadUrl(), this.second.url());
		for (int i = 0; i < 5; i++) {
			assertThat(tokens.jsapiSignature("wx1", "https://a.example/").signature()).isEqualTo("s");
		}
		assertThat(this.meters.get("wxhub.client.failovers").counter().count()).isEqualTo(1);
	}

	@Test
	void gatewayErrorsAndForeignBodiesGoToTheNextUrl() {
		for (StubTokenServer.Reply broken : List.of(
				new StubTokenServer.Reply(502, "text/html", "<html>bad</html>", Map.of()),
				new StubTokenServer.Reply(503, null, "", Map.of()),
				StubTokenServer.problem(500, "internal", "Internal Server Error", "boom", null, Map.of()),
				StubTokenServer.json("<html>not the token server</html>"))) {
			this.first.answer(SIGNATURE_PATH, () -> broken);
			assertThat(
					client(this.first.url(), this.second.url()).jsapiSignature("wx1", "https://a.example/").signature())
				.isEqualTo("s");
		}
		assertThat(this.second.requests(SIGNATURE_PATH)).isEqualTo(4);
	}

	@Test
	void aSlowUrlTimesOutAndTheNextAnswers() {
		this.first.answer(SIGNATURE_PATH, () -> StubTokenServer.json(SIGNATURE))
			.delay(SIGNATURE_PATH, Duration.ofSeconds(3));
		WxhubTokens tokens = WxhubTokens.builder()
			.urls(List.of(this.first.url(), this.second.url()))
			.clientKey("key-1")
			.httpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
			.build();
		assertThat(tokens.jsapiSignature("wx1", "https://a.example/").signature()).isEqualTo("s");
	}

	@Test
	void theTokenServersOwn503IsAnAnswer() {
		this.first.answer("/v1/apps/wx1/access-token",
				() -> StubTokenServer.problem(503, "no-valid-token", "No valid token available", "refresh failed",
						"\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"",
						Map.of("Retry-After", "60")));
		this.second.answer("/v1/apps/wx1/access-token",
				() -> StubTokenServer.token("T", Instant.now().plusSeconds(7200), 7200));
		assertThatExceptionOfType(WxhubTokenException.class)
			.isThrownBy(() -> client(this.first.url(), this.second.url()).accessToken("wx1"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.errcode()).isEqualTo(45009);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(60));
			});
		assertThat(this.second.requests()).isZero();
	}

	@Test
	void aRefusalIsAnAnswer() {
		this.first.answer(SIGNATURE_PATH, () -> StubTokenServer.problem(401, "unauthenticated", "Client key required",
				"A valid Bearer client key is required", null, Map.of("WWW-Authenticate", "Bearer")));
		assertThatExceptionOfType(WxhubTokenException.class)
			.isThrownBy(() -> client(this.first.url(), this.second.url()).jsapiSignature("wx1", "https://a.example/"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
		assertThat(this.second.requests()).isZero();
	}

	@Test
	void noAnswerAtAllIsStatusZeroWithTheLastCause() {
		assertThatExceptionOfType(WxhubTokenException.class)
			.isThrownBy(() -> client(StubTokenServer.deadUrl(), StubTokenServer.deadUrl()).accessToken("wx1"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isZero();
				assertThat(ex.getMessage()).contains("2 URLs tried");
				assertThat(ex.getCause()).isInstanceOf(ConnectException.class);
			});
	}

	private WxhubTokens client(String... urls) {
		return WxhubTokens.builder().urls(List.of(urls)).clientKey("key-1").meterRegistry(this.meters).build();
	}

}

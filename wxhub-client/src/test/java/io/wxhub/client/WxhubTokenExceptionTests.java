package io.wxhub.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Problem answers mapped to {@link WxhubTokenException}: status, type, title, detail,
 * WeChat's errcode and errmsg, and {@code Retry-After} in either of its forms.
 */
class WxhubTokenExceptionTests {

	private static final String TOKEN_PATH = "/v1/apps/wx1/access-token";

	private final StubTokenServer server = new StubTokenServer();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aProblemIsMappedFieldByField() {
		this.server.answer(TOKEN_PATH,
				() -> StubTokenServer.problem(503, "no-valid-token", "No valid token available",
						"No valid access_token for wx1: refresh failed (configuration)",
						"\"errcode\":40164,\"errmsg\":\"invalid ip 10.0.0.1, not in whitelist\"",
						Map.of("Retry-After", "300")));
		WxhubTokenException ex = refusal();
		assertThat(ex.status()).isEqualTo(503);
		assertThat(ex.type()).isEqualTo("urn:wxhub:problem:no-valid-token");
		assertThat(ex.title()).isEqualTo("No valid token available");
		assertThat(ex.detail()).isEqualTo("No valid access_token for wx1: refresh failed (configuration)");
		assertThat(ex.errcode()).isEqualTo(40164);
		assertThat(ex.errmsg()).isEqualTo("invalid ip 10.0.0.1, not in whitelist");
		assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(300));
		assertThat(ex.getMessage()).contains("access-token", "wx1", "HTTP 503", "40164", "retry after 300 s");
	}

	@Test
	void withoutWeChatsRefusalThereIsNoErrcode() {
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.problem(404, "unknown-app", "Unknown app",
				"No app wx1 is configured", null, Map.of()));
		WxhubTokenException ex = refusal();
		assertThat(ex.status()).isEqualTo(404);
		assertThat(ex.type()).isEqualTo("urn:wxhub:problem:unknown-app");
		assertThat(ex.errcode()).isNull();
		assertThat(ex.errmsg()).isNull();
		assertThat(ex.retryAfter()).isNull();
	}

	@Test
	void retryAfterMayBeAnHttpDate() {
		String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.problem(503, "no-valid-token", "No valid token available",
				"busy", null, Map.of("Retry-After", inTwoMinutes)));
		assertThat(refusal().retryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
	}

	@Test
	void aRefusalWithoutAProblemKeepsItsStatus() {
		this.server.answer(TOKEN_PATH, () -> new StubTokenServer.Reply(400, "text/plain", "bad", Map.of()));
		WxhubTokenException ex = refusal();
		assertThat(ex.status()).isEqualTo(400);
		assertThat(ex.type()).isNull();
		assertThat(ex.title()).isNull();
	}

	@Test
	void aShortClientKeyDoesNotGarbleMessages() {
		this.server.answer(TOKEN_PATH, () -> StubTokenServer.problem(403, "forbidden",
				"App not allowed for this client", "Client k may not read app wx1", null, Map.of()));
		WxhubTokens tokens = WxhubTokens.builder().urls(List.of(this.server.url())).clientKey("k").build();
		try {
			tokens.accessToken("wx1");
		}
		catch (WxhubTokenException ex) {
			assertThat(ex.getMessage()).contains("token server", "access-token", "Client k may not");
			return;
		}
		throw new AssertionError("no refusal");
	}

	@Test
	void badArgumentsAreRefusedBeforeAnyRequest() {
		WxhubTokens tokens = WxhubTokens.builder().urls(List.of(this.server.url())).clientKey("k").build();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> tokens.accessToken("wx1/../x"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> tokens.refreshRejected("wx1", " "));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> tokens.jsapiSignature("wx1", null));
		assertThat(this.server.requests()).isZero();
	}

	@Test
	void theBuilderNeedsUrlsAndAKey() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> WxhubTokens.builder().clientKey("k").build());
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> WxhubTokens.builder().urls(List.of(this.server.url())).build());
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> WxhubTokens.builder().urls(List.of("ftp://x")));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> WxhubTokens.builder().urls(List.of("http://x/?a=b")));
	}

	private WxhubTokenException refusal() {
		WxhubTokens tokens = WxhubTokens.builder().urls(List.of(this.server.url())).clientKey("key-1").build();
		try {
			tokens.accessToken("wx1");
		}
		catch (WxhubTokenException ex) {
			return ex;
		}
		throw new AssertionError("no refusal");
	}

}

package io.wxhub.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neither the client key nor a token shows in a log line (every level), an exception's
 * message or a {@code toString()}, even when an answer echoes the key.
 */
class WxhubTokensSecretsTests {

	private static final String KEY = "secret-client-key-0123456789";

	private static final String TOKEN = "SECRET_TOKEN_abcdefghijklmnop";

	private final StubTokenServer server = new StubTokenServer();

	private final List<String> logged = new CopyOnWriteArrayList<>();

	private final Logger clientLogger = Logger.getLogger("io.wxhub.client");

	private final Handler capture = new Handler() {

		private final SimpleFormatter formatter = new SimpleFormatter();

		@Override
		public void publish(LogRecord record) {
			WxhubTokensSecretsTests.this.logged.add(this.formatter.format(record));
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	@BeforeEach
	void captureLogs() {
		this.clientLogger.setLevel(Level.ALL);
		this.capture.setLevel(Level.ALL);
		this.clientLogger.addHandler(this.capture);
	}

	@AfterEach
	void stop() {
		this.clientLogger.removeHandler(this.capture);
		this.clientLogger.setLevel(null);
		this.server.close();
	}

	@Test
	void noKeyOrTokenAnywhere() {
		Instant expiresAt = Instant.now().plusSeconds(7200);
		this.server.answer("/v1/apps/wx1/access-token", () -> StubTokenServer.token(TOKEN, expiresAt, 7200))
			.answer("/v1/apps/wx1/access-token/refresh",
					() -> StubTokenServer.problem(401, "unauthenticated", "Client key required",
							"Key " + KEY + " is not known", null, Map.of("WWW-Authenticate", "Bearer")))
			.answer("/v1/apps/wx1/jsapi-ticket", () -> StubTokenServer.problem(503, "no-valid-token",
					"No valid token available", "Key " + KEY, "\"errcode\":-1,\"errmsg\":\"" + KEY + "\"", Map.of()));
		WxhubTokens tokens = WxhubTokens.builder()
			.urls(List.of(StubTokenServer.deadUrl(), "http://user:" + KEY + "@127.0.0.1:1", this.server.url()))
			.clientKey(KEY)
			.build();
		List<String> shown = new CopyOnWriteArrayList<>();
		assertThat(tokens.accessToken("wx1")).isEqualTo(TOKEN);
		shown.add(tokens.toString());
		for (Runnable call : List.<Runnable>of(() -> tokens.refreshRejected("wx1", TOKEN),
				() -> tokens.jsapiTicket("wx1"))) {
			try {
				call.run();
			}
			catch (WxhubTokenException ex) {
				shown.add(ex.toString());
				shown.add(String.valueOf(ex.detail()));
				shown.add(String.valueOf(ex.errmsg()));
			}
		}
		shown.add(new Credential(TOKEN, expiresAt, expiresAt).toString());
		shown.add(new Answers.Issued(TOKEN, expiresAt, 1).toString());
		assertThat(this.logged).isNotEmpty();
		assertThat(shown).hasSize(9);
		for (String text : concat(shown, this.logged)) {
			assertThat(text).doesNotContain(KEY).doesNotContain(TOKEN);
		}
		assertThat(this.server.authorizations()).allMatch(("Bearer " + KEY)::equals);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}

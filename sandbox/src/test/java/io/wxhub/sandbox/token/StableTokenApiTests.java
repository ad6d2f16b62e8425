package io.wxhub.sandbox.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StableTokenApiTests extends SandboxTestSupport {

	@Test
	void returnsTheSameTokenWhileItHasLifeLeft() {
		Reply first = stableToken(APP, SECRET, null);
		assertThat(first.json().path("expires_in").asLong()).isEqualTo(7200);
		advance(Duration.ofSeconds(100));
		Reply second = stableToken(APP, SECRET, false);
		assertThat(second.text("access_token")).isEqualTo(first.text("access_token"));
		assertThat(second.json().path("expires_in").asLong()).isEqualTo(7100);
	}

	@Test
	void rotatesInTheLastFiveMinutesAndKeepsTheOldOneUntilItsExpiry() {
		String first = stableToken(false);
		advance(Duration.ofSeconds(7200 - 301));
		assertThat(stableToken(false)).isEqualTo(first);
		advance(Duration.ofSeconds(2));
		Reply rotated = stableToken(APP, SECRET, false);
		assertThat(rotated.text("access_token")).isNotEqualTo(first);
		assertThat(rotated.json().path("expires_in").asLong()).isEqualTo(7200);
		assertThat(useToken(first)).isZero();
		advance(Duration.ofSeconds(300));
		assertThat(useToken(first)).isEqualTo(42001);
		assertThat(useToken(rotated.text("access_token"))).isZero();
	}

	@Test
	void isIsolatedFromClassicTokens() {
		String stable = stableToken(false);
		String classic = classicToken();
		classicToken();
		classicToken();
		assertThat(stableToken(false)).isEqualTo(stable);
		assertThat(useToken(stable)).isZero();
		assertThat(useToken(classic)).isEqualTo(40001);
	}

	@Test
	void forceRefreshRotatesAtMostOncePer30Seconds() {
		String original = stableToken(false);
		String forced = stableToken(true);
		assertThat(forced).isNotEqualTo(original);
		assertThat(useToken(original)).isZero();
		advance(Duration.ofSeconds(29));
		assertThat(stableToken(true)).isEqualTo(forced);
		advance(Duration.ofSeconds(2));
		String forcedAgain = stableToken(true);
		assertThat(forcedAgain).isNotEqualTo(forced);
		// two forced refreshes 30 s apart kill a leaked token at once
		assertThat(useToken(original)).isEqualTo(40001);
		assertThat(useToken(forced)).isZero();
		assertThat(stableToken(false)).isEqualTo(forcedAgain);
	}

	@Test
	void forceRefreshIsLimitedTo20PerDay() {
		for (int i = 0; i < 20; i++) {
			assertThat(stableToken(APP, SECRET, true).text("access_token")).as("force %d", i).isNotNull();
			advance(Duration.ofSeconds(31));
		}
		Reply refused = stableToken(APP, SECRET, true);
		assertThat(refused.errcode()).isEqualTo(45009);
		assertThat(refused.errmsg()).matches("reach max api daily quota limit" + RID);
		assertThat(stableToken(APP, SECRET, false).text("access_token")).isNotNull();
		advance(Duration.ofDays(1));
		assertThat(stableToken(APP, SECRET, true).text("access_token")).isNotNull();
	}

	@Test
	void concurrentCallersShareOneToken() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> tokens = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				tokens.add(pool.submit(() -> stableToken(false)));
			}
			Set<String> distinct = new HashSet<>();
			for (Future<String> token : tokens) {
				distinct.add(token.get(10, TimeUnit.SECONDS));
			}
			assertThat(distinct).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void validatesLikeTheClassicEndpoint() {
		assertThat(this.http.post("/cgi-bin/stable_token", Map.of("grant_type", "x", "appid", APP, "secret", SECRET))
			.errcode()).isEqualTo(40002);
		assertThat(this.http.post("/cgi-bin/stable_token", Map.of("grant_type", "client_credential", "secret", SECRET))
			.errcode()).isEqualTo(41002);
		assertThat(this.http.post("/cgi-bin/stable_token", Map.of("grant_type", "client_credential", "appid", APP))
			.errcode()).isEqualTo(41004);
		assertThat(stableToken("wxdoesnotexist000", SECRET, false).errcode()).isEqualTo(40013);
		assertThat(stableToken(APP, "wrong", false).errcode()).isEqualTo(40125);
	}

	@Test
	void rejectsBadBodiesAndMethods() {
		assertThat(this.http.post("/cgi-bin/stable_token", null).errcode()).isEqualTo(44002);
		assertThat(this.http.post("/cgi-bin/stable_token", "{not json").errcode()).isEqualTo(47001);
		Reply get = this.http.get("/cgi-bin/stable_token");
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.errcode()).isEqualTo(43002);
		assertThat(this.http.post("/cgi-bin/token", null).errcode()).isEqualTo(43001);
	}

}

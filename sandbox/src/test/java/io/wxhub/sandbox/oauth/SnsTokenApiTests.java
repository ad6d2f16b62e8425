package io.wxhub.sandbox.oauth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SnsTokenApiTests extends WebAuthTestSupport {

	@Test
	void exchangesACodeLikeWeChat() {
		Reply reply = exchange(APP, SECRET, authorize(APP, null, BASE));
		assertThat(reply.status()).isEqualTo(200);
		JsonNode json = reply.json();
		assertThat(json.propertyNames()).containsExactly("access_token", "expires_in", "refresh_token", "openid",
				"scope");
		assertThat(json.path("access_token").asString()).matches("SBXU_[A-Za-z0-9_-]{105}");
		assertThat(json.path("expires_in").asLong()).isEqualTo(7200);
		assertThat(json.path("refresh_token").asString()).matches("SBXR_[A-Za-z0-9_-]{105}");
		assertThat(json.path("openid").asString()).isEqualTo(demoFollower(APP, 1));
		assertThat(json.path("scope").asString()).isEqualTo(BASE);
	}

	@Test
	void unionidOnlyForSnsapiUserinfoOnAnAccountBoundToAnOpenPlatform() {
		JsonNode bound = authorizedTokens(APP, SECRET, null, USERINFO).json();
		assertThat(bound.path("unionid").asString()).matches("o[A-Za-z0-9_-]{27}");
		assertThat(authorizedTokens(APP, SECRET, null, BASE).json().has("unionid")).isFalse();
		assertThat(authorizedTokens(APP2, SECRET2, null, USERINFO).json().has("unionid")).isFalse();
	}

	@Test
	void aCodeIsUsedOnce() {
		String code = authorize(APP, null, BASE);
		assertThat(exchange(APP, SECRET, code).text("access_token")).isNotNull();
		Reply again = exchange(APP, SECRET, code);
		assertThat(again.errcode()).isEqualTo(40163);
		assertThat(again.errmsg()).matches("code been used, rid: " + RID.substring(6));
		assertThat(again.json().has("access_token")).isFalse();
	}

	@Test
	void unknownCodesAre40029() {
		Reply unknown = exchange(APP, SECRET, "0123456789abcdefABCDEF0123456789");
		assertThat(unknown.errcode()).isEqualTo(40029);
		assertThat(unknown.errmsg()).matches("invalid code, rid: " + RID.substring(6));
		assertThat(this.http
			.get("/sns/oauth2/access_token?appid={a}&secret={s}&grant_type=authorization_code", APP, SECRET)
			.errcode()).isEqualTo(41008);
	}

	@Test
	void aCodeExpiresAfterFiveMinutes() {
		String early = authorize(APP, null, BASE);
		String late = authorize(APP, null, BASE);
		advance(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(exchange(APP, SECRET, early).text("access_token")).isNotNull();
		advance(Duration.ofSeconds(1));
		assertThat(exchange(APP, SECRET, late).errcode()).isEqualTo(40029);
		assertThat(exchange(APP, SECRET, early).errcode()).isEqualTo(40029);
	}

	@Test
	void aCodeOfAnotherAppIsUnknownAndStaysUsable() {
		String code = authorize(APP, null, BASE);
		assertThat(exchange(APP2, SECRET2, code).errcode()).isEqualTo(40029);
		assertThat(exchange(APP, SECRET, code).text("openid")).isEqualTo(demoFollower(APP, 1));
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "authorization_code, wx5e1f0ad3c0ffee01, wrong, 40125", "authorization_code, null, x, 41002",
					"authorization_code, wx5e1f0ad3c0ffee01, null, 41004",
					"authorization_code, wxdoesnotexist000, x, 40013",
					"client_credential, wx5e1f0ad3c0ffee01, x, 40002", "null, wx5e1f0ad3c0ffee01, x, 40002" })
	void checksTheAppBeforeTheCode(String grantType, String appId, String secret, int errcode) {
		String code = authorize(APP, null, BASE);
		StringBuilder uri = new StringBuilder("/sns/oauth2/access_token?code=").append(code);
		Map.of("grant_type", String.valueOf(grantType), "appid", String.valueOf(appId), "secret",
				String.valueOf(secret))
			.forEach((name, value) -> {
				if (!"null".equals(value)) {
					uri.append('&').append(name).append('=').append(value.equals("x") ? SECRET : value);
				}
			});
		assertThat(this.http.get(uri.toString()).errcode()).isEqualTo(errcode);
		assertThat(exchange(APP, SECRET, code).text("access_token")).isNotNull();
	}

	@Test
	void concurrentExchangesOfOneCodeSucceedOnce() throws Exception {
		String code = authorize(APP, null, BASE);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return exchange(APP, SECRET, code).errcode();
			}, pool));
		}
		start.countDown();
		List<Integer> errcodes = results.stream().map(CompletableFuture::join).toList();
		pool.shutdown();
		assertThat(errcodes).containsOnlyOnce(0).filteredOn((errcode) -> errcode != 0).containsOnly(40163);
	}

}

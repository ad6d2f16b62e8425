package io.wxhub.system.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.wxhub.client.JsapiSignature;
import io.wxhub.client.WxhubTokenException;
import io.wxhub.client.WxhubTokens;
import io.wxhub.protocol.signature.JsSdkSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.wxhub.system.client.TokenServerStack.ACCESS_TOKEN_URI;
import static io.wxhub.system.client.TokenServerStack.APP;
import static io.wxhub.system.client.TokenServerStack.LIMITED_KEY;
import static io.wxhub.system.client.TokenServerStack.OTHER_APP;
import static io.wxhub.system.client.TokenServerStack.REFRESH_URI;
import static io.wxhub.system.client.TokenServerStack.TICKET_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@link WxhubTokens} against the real token server and WeChat (the sandbox): one request
 * for 200 threads, counted by the token server itself; a dead URL beside a live one in
 * either order; the token server's refusals mapped field by field; compare-and-refresh
 * after a rotation behind wxhub's back, once for many threads; a JS-SDK signature that
 * WeChat's algorithm verifies.
 */
@ExtendWith(SharedTokenServerStack.class)
class WxhubTokensTests {

	private static TokenServerStack stack;

	@BeforeAll
	static void start(TokenServerStack shared) {
		stack = shared;
	}

	@Test
	void twoHundredThreadsAtOnceMakeOneRequestAtTheTokenServer() throws Exception {
		WxhubTokens tokens = stack.client().build();
		long before = stack.served(ACCESS_TOKEN_URI);
		Set<String> answers = atOnce(200, () -> tokens.accessToken(APP));
		assertThat(answers).hasSize(1);
		assertThat(stack.tokenValid(APP, answers.iterator().next())).isTrue();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.until(() -> stack.served(ACCESS_TOKEN_URI), (served) -> served == before + 1);
	}

	@Test
	void aDeadUrlBesideALiveOneLosesNoCallInEitherOrder() {
		String dead = TokenServerStack.deadUrl();
		for (List<String> urls : List.of(List.of(dead, stack.url()), List.of(stack.url(), dead))) {
			// no reuse from the cache: every call goes to the token server
			WxhubTokens tokens = stack.client().urls(urls).maxCacheAge(Duration.ofMillis(1)).build();
			for (int i = 0; i < 5; i++) {
				String token = tokens.accessToken(APP);
				assertThat(stack.tokenValid(APP, token)).isTrue();
				assertThat(tokens.refreshRejected(APP, "a-token-nobody-has")).isEqualTo(token);
				assertThat(stack.ticketValid(APP, tokens.jsapiTicket(APP))).isTrue();
				assertThat(stack.ticketValid(APP, tokens.cardTicket(APP))).isTrue();
				assertThat(tokens.jsapiSignature(APP, "https://wxhub.example/").signature()).hasSize(40);
			}
		}
	}

	@Test
	void theTokenServersRefusalsAreMapped() {
		WxhubTokenException unauthenticated = refusal(
				() -> stack.client().clientKey("not-a-client-key").build().accessToken(APP));
		assertThat(unauthenticated.status()).isEqualTo(401);
		assertThat(unauthenticated.type()).isEqualTo("urn:wxhub:problem:unauthenticated");
		assertThat(unauthenticated.getMessage()).doesNotContain("not-a-client-key");

		WxhubTokenException forbidden = refusal(
				() -> stack.client().clientKey(LIMITED_KEY).build().accessToken(OTHER_APP));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.type()).isEqualTo("urn:wxhub:problem:forbidden");
		assertThat(forbidden.title()).isEqualTo("App not allowed for this client");
		assertThat(forbidden.getMessage()).doesNotContain(LIMITED_KEY);

		WxhubTokenException unknown = refusal(() -> stack.client().build().accessToken("wx00000000000000ff"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.type()).isEqualTo("urn:wxhub:problem:unknown-app");
		assertThat(unknown.errcode()).isNull();
		assertThat(unknown.retryAfter()).isNull();
	}

	@Test
	void weChatRefusingATicketIsA503WithRetryAfterAndErrcodeWithoutFailover() {
		// WeChat refuses the next ticket of the other app: an IP not on its whitelist
		stack.fault(OTHER_APP, Map.of("path", "/cgi-bin/ticket/getticket", "count", 1, "errcode", 40164));
		// the same live server twice: a failover would show as a second request
		WxhubTokens tokens = stack.client().urls(List.of(stack.url(), stack.url())).build();
		long before = stack.served(TICKET_URI);
		WxhubTokenException unavailable = refusal(() -> tokens.jsapiTicket(OTHER_APP));
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.type()).isEqualTo("urn:wxhub:problem:no-valid-token");
		assertThat(unavailable.errcode()).isEqualTo(40164);
		assertThat(unavailable.errmsg()).contains("invalid ip");
		assertThat(unavailable.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(5));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.until(() -> stack.served(TICKET_URI), (served) -> served == before + 1);
	}

	@Test
	void aTokenKilledBehindWxhubsBackIsRefreshedOnceForManyThreads() throws Exception {
		WxhubTokens tokens = stack.client().build();
		String killed = tokens.accessToken(APP);
		stack.rotateBehindWxhubsBack(APP);
		assertThat(stack.tokenValid(APP, killed)).isFalse();
		long refreshesBefore = stack.served(REFRESH_URI);
		long weChatCallsBefore = stack.upstreamCalls(APP, "/cgi-bin/token");

		Set<String> renewed = atOnce(16, () -> tokens.refreshRejected(APP, killed));

		assertThat(renewed).hasSize(1).doesNotContain(killed);
		String fresh = renewed.iterator().next();
		assertThat(stack.tokenValid(APP, fresh)).isTrue();
		assertThat(tokens.accessToken(APP)).isEqualTo(fresh);
		assertThat(tokens.refreshRejected(APP, killed)).isEqualTo(fresh);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.until(() -> stack.served(REFRESH_URI), (served) -> served == refreshesBefore + 1);
		assertThat(stack.upstreamCalls(APP, "/cgi-bin/token")).isEqualTo(weChatCallsBefore + 1);
	}

	@Test
	void theJsapiSignatureVerifiesWithWeChatsAlgorithm() throws Exception {
		WxhubTokens tokens = stack.client().build();
		String page = "https://wxhub.example/pages/menu?from=singlemessage&isappinstalled=0";
		JsapiSignature signature = tokens.jsapiSignature(APP, page + "#top");
		String ticket = tokens.jsapiTicket(APP);
		assertThat(stack.ticketValid(APP, ticket)).isTrue();
		String signed = "jsapi_ticket=" + ticket + "&noncestr=" + signature.nonceStr() + "&timestamp="
				+ signature.timestamp() + "&url=" + page;
		String sha1 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-1").digest(signed.getBytes(StandardCharsets.UTF_8)));
		assertThat(signature.signature()).isEqualTo(sha1)
			.isEqualTo(JsSdkSignature.sign(ticket, signature.nonceStr(), signature.timestamp(), page + "#top"));
		assertThat(signature.appId()).isEqualTo(APP);
		assertThat(signature.timestamp()).isCloseTo(Instant.now().getEpochSecond(), within(60L));
		assertThat(signature.nonceStr()).isNotBlank();
	}

	private static WxhubTokenException refusal(Runnable call) {
		try {
			call.run();
		}
		catch (WxhubTokenException ex) {
			return ex;
		}
		throw new AssertionError("The token server gave what it should have refused");
	}

	/** {@code threads} threads released together, each calling {@code call}. */
	private static Set<String> atOnce(int threads, Callable<String> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				answers.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await();
			go.countDown();
			Set<String> results = ConcurrentHashMap.newKeySet();
			for (Future<String> answer : answers) {
				results.add(answer.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}

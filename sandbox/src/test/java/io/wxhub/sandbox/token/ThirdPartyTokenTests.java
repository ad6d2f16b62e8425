package io.wxhub.sandbox.token;

import java.time.Duration;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /sandbox/apps/{appId}/third-party-token}: another holder of the AppSecret
 * rotates the app's token by WeChat's rules.
 */
class ThirdPartyTokenTests extends SandboxTestSupport {

	@Test
	void twoClassicCallsByAnotherPartyKillTheTokenAnAppHeld() {
		String held = classicToken();
		Reply first = thirdParty(APP, Map.of("mode", "classic"));
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("rotated").asBoolean()).isTrue();
		assertThat(first.json().path("expiresIn").asLong()).isEqualTo(7200);
		// the previous token keeps its 5 minutes after one new token...
		assertThat(useToken(held)).isZero();
		thirdParty(APP, Map.of("mode", "classic"));
		// ...and dies at once behind a second one
		assertThat(useToken(held)).isEqualTo(40001);
		String current = this.http.get("/sandbox/apps/{app}/tokens", APP)
			.json()
			.path("classic")
			.path("current")
			.path("value")
			.asString();
		assertThat(useToken(current)).isZero();
		assertThat(first.body()).doesNotContain(current).doesNotContain("access_token");
		// the calls of the system under test alone are counted
		assertThat(this.http.get("/sandbox/apps/{app}/calls", APP).json().path("calls").path("/cgi-bin/token").asLong())
			.isEqualTo(1);
	}

	@Test
	void aForcedStableTokenCallRotatesAsStableTokenDoes() {
		String held = stableToken(false);
		Reply plain = thirdParty(APP, Map.of("mode", "stable"));
		assertThat(plain.json().path("rotated").asBoolean()).isFalse();
		assertThat(thirdParty(APP, Map.of("mode", "stable", "forceRefresh", true)).json().path("rotated").asBoolean())
			.isTrue();
		assertThat(useToken(held)).isZero();
		// within 30 s of the last force_refresh nothing rotates
		advance(Duration.ofSeconds(10));
		assertThat(thirdParty(APP, Map.of("mode", "stable", "forceRefresh", true)).json().path("rotated").asBoolean())
			.isFalse();
		advance(Duration.ofSeconds(21));
		assertThat(thirdParty(APP, Map.of("mode", "stable", "forceRefresh", true)).json().path("rotated").asBoolean())
			.isTrue();
		assertThat(useToken(held)).isEqualTo(40001);
	}

	@Test
	void aSpentQuotaAnswersWeChatsErrcodeAsItWouldToThatParty() {
		this.http.put("/sandbox/apps/{app}/quotas", Map.of("path", "/cgi-bin/token", "dailyLimit", 1), APP);
		classicToken();
		Reply refused = thirdParty(APP, Map.of("mode", "classic"));
		assertThat(refused.errcode()).isEqualTo(45009);
	}

	@Test
	void badRequestsAreProblems() {
		assertProblem(thirdParty(APP, Map.of("mode", "sometimes")), 400);
		assertProblem(thirdParty(APP, Map.of("forceRefresh", true)), 400);
		assertProblem(thirdParty(APP, Map.of("mode", "classic", "forceRefresh", true)), 400);
		assertProblem(thirdParty(APP, "not json"), 400);
		assertProblem(thirdParty("wxunknown", Map.of("mode", "classic")), 404);
	}

	private Reply thirdParty(String appId, Object body) {
		return this.http.post("/sandbox/apps/{app}/third-party-token", body, appId);
	}

	private static void assertProblem(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType().toString()).startsWith("application/problem+json");
	}

}

package io.wxhub.sandbox.quota;

import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's switch that spends a daily quota at once, so that the next call gets
 * 45009 as if the app had used it all.
 */
class QuotaExhaustTests extends SandboxTestSupport {

	@Test
	void theNextCallOfAnExhaustedPathGets45009UntilTheCountersAreReset() {
		String token = classicToken();
		Reply exhausted = exhaust(APP, "/cgi-bin/get_api_domain_ip");
		assertThat(exhausted.status()).as(exhausted.body()).isEqualTo(200);
		assertThat(exhausted.json().path("dailyLimit").asLong()).isEqualTo(10_000);
		assertThat(exhausted.json().path("used").asLong()).isEqualTo(10_000);
		assertThat(exhausted.json().path("remain").asLong()).isZero();
		assertThat(useToken(token)).isEqualTo(45009);
		// only that path and that app
		assertThat(token(APP, SECRET).errcode()).isZero();
		assertThat(exhaust(APP2, "/cgi-bin/token").status()).isEqualTo(200);
		assertThat(token(APP2, SECRET2).errcode()).isEqualTo(45009);
		assertThat(this.http.post("/sandbox/apps/{a}/quotas/reset", null, APP).status()).isEqualTo(200);
		assertThat(useToken(token)).isZero();
	}

	@Test
	void pathsWithoutALimitAndBadBodiesAreProblems() {
		Reply unlimited = exhaust(APP, "/cgi-bin/no/such/api");
		assertThat(unlimited.status()).isEqualTo(400);
		assertThat(unlimited.contentType().toString()).startsWith("application/problem+json");
		assertThat(unlimited.json().path("detail").asString())
			.isEqualTo("/cgi-bin/no/such/api has no daily limit to exhaust");
		assertThat(exhaust(APP, "cgi-bin/token").status()).isEqualTo(400);
		assertThat(this.http.post("/sandbox/apps/{a}/quotas/exhaust", Map.of(), APP).status()).isEqualTo(400);
		assertThat(exhaust("wx0000000000000000", "/cgi-bin/token").status()).isEqualTo(404);
	}

	private Reply exhaust(String appId, String path) {
		return this.http.post("/sandbox/apps/{a}/quotas/exhaust", Map.of("path", path), appId);
	}

}

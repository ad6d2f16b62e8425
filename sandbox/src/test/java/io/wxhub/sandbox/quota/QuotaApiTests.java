package io.wxhub.sandbox.quota;

import java.time.Duration;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaApiTests extends SandboxTestSupport {

	@Test
	void quotaGetReportsTodaysUse() {
		classicToken();
		classicToken();
		String token = classicToken();
		Reply reply = quotaGet(token, "/cgi-bin/token");
		assertThat(reply.errcode()).isZero();
		assertThat(reply.errmsg()).isEqualTo("ok");
		JsonNode quota = reply.json().path("quota");
		assertThat(quota.path("daily_limit").asLong()).isEqualTo(2000);
		assertThat(quota.path("used").asLong()).isEqualTo(3);
		assertThat(quota.path("remain").asLong()).isEqualTo(1997);
		assertThat(quotaGet(token, "/cgi-bin/openapi/quota/get").json().path("quota").path("used").asLong())
			.isEqualTo(2);
	}

	@Test
	void quotaGetValidatesThePath() {
		String token = classicToken();
		assertThat(quotaGet(token, "cgi-bin/token").errcode()).isEqualTo(76003);
		assertThat(quotaGet(token, "/cgi-bin/no/such/api").errcode()).isEqualTo(76021);
		assertThat(this.http.post("/cgi-bin/openapi/quota/get?access_token={t}", null, token).errcode())
			.isEqualTo(44002);
		assertThat(quotaGet("SBX_never", "/cgi-bin/token").errcode()).isEqualTo(40001);
	}

	@Test
	void clearQuotaResetsTheCountersTenTimesAMonth() {
		String token = classicToken();
		for (int i = 0; i < 10; i++) {
			Reply cleared = clearQuota(token, APP);
			assertThat(cleared.body()).as("clear %d", i).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
			assertThat(quotaGet(token, "/cgi-bin/token").json().path("quota").path("used").asLong()).isZero();
		}
		Reply refused = clearQuota(token, APP);
		assertThat(refused.errcode()).isEqualTo(48006);
		assertThat(refused.errmsg()).isEqualTo("forbid to clear quota because of reaching the limit");
		advance(Duration.ofDays(32));
		assertThat(clearQuota(classicToken(), APP).errcode()).isZero();
	}

	@Test
	void clearQuotaValidatesTheAppid() {
		String token = classicToken();
		assertThat(this.http.post("/cgi-bin/clear_quota?access_token={t}", Map.of(), token).errcode()).isEqualTo(41002);
		assertThat(clearQuota(token, "wxdoesnotexist000").errcode()).isEqualTo(40013);
		assertThat(clearQuota(token, APP2).errcode()).isEqualTo(48001);
		assertThat(clearQuota("", APP).errcode()).isEqualTo(41001);
	}

	@Test
	void clearQuotaLiftsA45009() {
		this.http.put("/sandbox/apps/{app}/quotas", Map.of("path", "/cgi-bin/token", "dailyLimit", 1), APP);
		String token = classicToken();
		assertThat(token(APP, SECRET).errcode()).isEqualTo(45009);
		assertThat(clearQuota(token, APP).errcode()).isZero();
		assertThat(token(APP, SECRET).errcode()).isZero();
	}

	@Test
	void sandboxEndpointsShowOverrideAndResetQuotas() {
		classicToken();
		Reply override = this.http.put("/sandbox/apps/{app}/quotas",
				Map.of("path", "/cgi-bin/menu/create", "dailyLimit", 5), APP);
		assertThat(override.json().path("dailyLimit").asLong()).isEqualTo(5);
		Reply quotas = this.http.get("/sandbox/apps/{app}/quotas", APP);
		assertThat(quotas.json().path("appId").asString()).isEqualTo(APP);
		assertThat(quotas.json()
			.path("quotas")
			.valueStream()
			.filter((quota) -> quota.path("path").asString().equals("/cgi-bin/token"))
			.findFirst()
			.orElseThrow()
			.path("used")
			.asLong()).isEqualTo(1);
		Reply reset = this.http.post("/sandbox/apps/{app}/quotas/reset", null, APP);
		assertThat(reset.json().path("quotas").valueStream().mapToLong((quota) -> quota.path("used").asLong()).sum())
			.isZero();
		Reply invalid = this.http.put("/sandbox/apps/{app}/quotas", Map.of("path", "", "dailyLimit", -1), APP);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType().toString()).startsWith("application/problem+json");
	}

	private Reply quotaGet(String token, String path) {
		return this.http.post("/cgi-bin/openapi/quota/get?access_token={t}", Map.of("cgi_path", path), token);
	}

	private Reply clearQuota(String token, String appId) {
		return this.http.post("/cgi-bin/clear_quota?access_token={t}", Map.of("appid", appId), token);
	}

}

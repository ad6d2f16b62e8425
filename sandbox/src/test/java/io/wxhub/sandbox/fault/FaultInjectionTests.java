package io.wxhub.sandbox.fault;

import java.util.HashMap;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectionTests extends SandboxTestSupport {

	@Test
	void errcodeForThreeCallsThenSuccess() {
		Reply added = addFault(APP, fault("/cgi-bin/token", 3, -1, null, null));
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.json().path("faults").get(0).path("count").asInt()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			Reply reply = token(APP, SECRET);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body()).isEqualTo("{\"errcode\":-1,\"errmsg\":\"system error\"}");
		}
		assertThat(token(APP, SECRET).text("access_token")).isNotNull();
		assertThat(calls(APP).path("/cgi-bin/token").asInt()).isEqualTo(4);
		assertThat(this.http.get("/sandbox/apps/{app}/faults", APP).json().path("faults").isEmpty()).isTrue();
	}

	@Test
	void delayThenNormalAnswer() {
		addFault(APP, fault("/cgi-bin/token", 1, null, 300L, null));
		long start = System.nanoTime();
		Reply reply = token(APP, SECRET);
		long tookMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(reply.text("access_token")).isNotNull();
		assertThat(tookMillis).isGreaterThanOrEqualTo(300);
	}

	@Test
	void httpStatusThenNormalAnswer() {
		addFault(APP, fault("/cgi-bin/token", 1, null, null, 503));
		Reply reply = token(APP, SECRET);
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.body()).isEqualTo("503 Service Unavailable");
		assertThat(token(APP, SECRET).status()).isEqualTo(200);
	}

	@Test
	void withoutCountUntilCleared() {
		String token = classicToken();
		addFault(APP, fault("/cgi-bin/get_api_domain_ip", null, 45011, null, null));
		for (int i = 0; i < 5; i++) {
			assertThat(useToken(token)).isEqualTo(45011);
		}
		assertThat(this.http.delete("/sandbox/apps/{app}/faults", APP).status()).isEqualTo(204);
		assertThat(useToken(token)).isZero();
		assertThat(calls(APP).path("/cgi-bin/get_api_domain_ip").asInt()).isEqualTo(6);
	}

	@Test
	void faultsQueueInOrderAndOnlyHitTheirAppAndPath() {
		addFault(APP, fault("/cgi-bin/token", 1, 45009, null, null));
		addFault(APP, fault("/cgi-bin/token", 1, null, null, 500));
		assertThat(token(APP2, SECRET2).status()).isEqualTo(200);
		assertThat(stableToken(APP, SECRET, false).errcode()).isZero();
		assertThat(token(APP, SECRET).errcode()).isEqualTo(45009);
		assertThat(token(APP, SECRET).status()).isEqualTo(500);
		assertThat(token(APP, SECRET).errcode()).isZero();
	}

	@Test
	void customErrmsgAndStatusWithErrcode() {
		Map<String, Object> fault = fault("/cgi-bin/stable_token", 1, 40001, null, 502);
		fault.put("errmsg", "custom");
		addFault(APP, fault);
		Reply reply = stableToken(APP, SECRET, false);
		assertThat(reply.status()).isEqualTo(502);
		assertThat(reply.body()).isEqualTo("{\"errcode\":40001,\"errmsg\":\"custom\"}");
	}

	@Test
	void rejectsInvalidFaultsAndUnknownApps() {
		Reply invalid = addFault(APP, fault("cgi-bin/token", 0, -1, -5L, 42));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType().toString()).startsWith("application/problem+json");
		Reply unknown = addFault("wxdoesnotexist000", fault("/cgi-bin/token", 1, -1, null, null));
		assertThat(unknown.status()).isEqualTo(404);
	}

	private Reply addFault(String appId, Map<String, Object> fault) {
		return this.http.post("/sandbox/apps/{app}/faults", fault, appId);
	}

	private static Map<String, Object> fault(String path, Integer count, Integer errcode, Long delayMillis,
			Integer httpStatus) {
		Map<String, Object> fault = new HashMap<>();
		fault.put("path", path);
		fault.put("count", count);
		fault.put("errcode", errcode);
		fault.put("delayMillis", delayMillis);
		fault.put("httpStatus", httpStatus);
		return fault;
	}

	private tools.jackson.databind.JsonNode calls(String appId) {
		return this.http.get("/sandbox/apps/{app}/calls", appId).json().path("calls");
	}

}

package io.wxhub.sandbox.apicall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.wxhub.sandbox.EventStream;
import io.wxhub.sandbox.SandboxHttp;
import io.wxhub.sandbox.SandboxHttp.Download;
import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API-call log behind the console's developer panel: every WeChat API call with its
 * status, errcode and latency, credentials in the query masked, newest first, live.
 */
class ApiCallLogTests extends SandboxTestSupport {

	@Test
	void callsAreLoggedWithCredentialsMasked() {
		String token = classicToken();
		assertThat(useToken(token)).isZero();
		assertThat(this.http
			.get("/sns/oauth2/access_token?appid={a}&secret={s}&code=0a1b2c3d4e5f&grant_type=authorization_code", APP,
					SECRET)
			.errcode()).isEqualTo(40029);
		Reply listed = this.http.get("/sandbox/apps/{a}/api-calls", APP);
		List<JsonNode> calls = list(listed);
		assertThat(calls).extracting((call) -> call.path("path").asString())
			.containsExactly("/sns/oauth2/access_token", "/cgi-bin/get_api_domain_ip", "/cgi-bin/token");

		JsonNode sns = calls.get(0);
		assertThat(sns.path("query").asString())
			.isEqualTo("appid=" + APP + "&secret=0f1e…&code=0a1b…&grant_type=authorization_code");
		assertThat(sns.path("errcode").asInt()).isEqualTo(40029);
		JsonNode used = calls.get(1);
		assertThat(used.path("method").asString()).isEqualTo("GET");
		assertThat(used.path("query").asString()).isEqualTo("access_token=" + token.substring(0, 4) + "…");
		assertThat(used.path("status").asInt()).isEqualTo(200);
		assertThat(used.path("errcode").asInt()).isZero();
		assertThat(used.path("appId").asString()).isEqualTo(APP);
		JsonNode issued = calls.get(2);
		assertThat(issued.path("query").asString())
			.isEqualTo("grant_type=client_credential&appid=" + APP + "&secret=0f1e…");
		assertThat(issued.path("id").asLong()).isLessThan(used.path("id").asLong());
		// the whole listing never shows a credential
		assertThat(listed.body()).doesNotContain(token).doesNotContain(SECRET).doesNotContain("0a1b2c3d4e5f");
	}

	@Test
	void injectedFaultsShowAsTheCallerSawThem() {
		String token = classicToken();
		addFault(Map.of("path", "/cgi-bin/message/custom/send", "count", 1, "errcode", -1));
		addFault(Map.of("path", "/cgi-bin/get_api_domain_ip", "count", 1, "httpStatus", 503));
		addFault(Map.of("path", "/cgi-bin/get_api_domain_ip", "count", 1, "delayMillis", 300));
		assertThat(this.http
			.post("/cgi-bin/message/custom/send?access_token={t}",
					Map.of("touser", demoFollower(APP, 1), "msgtype", "text", "text", Map.of("content", "hi")), token)
			.errcode()).isEqualTo(-1);
		assertThat(this.http.get("/cgi-bin/get_api_domain_ip?access_token={t}", token).status()).isEqualTo(503);
		assertThat(useToken(token)).isZero();

		List<JsonNode> calls = list(this.http.get("/sandbox/apps/{a}/api-calls?limit=3", APP));
		JsonNode delayed = calls.get(0);
		assertThat(delayed.path("errcode").asInt()).isZero();
		assertThat(delayed.path("latencyMillis").asLong()).isGreaterThanOrEqualTo(300);
		JsonNode refused = calls.get(1);
		assertThat(refused.path("status").asInt()).isEqualTo(503);
		assertThat(refused.path("errcode").isNull()).isTrue();
		JsonNode failed = calls.get(2);
		assertThat(failed.path("method").asString()).isEqualTo("POST");
		assertThat(failed.path("path").asString()).isEqualTo("/cgi-bin/message/custom/send");
		assertThat(failed.path("errcode").asInt()).isEqualTo(-1);
		assertThat(failed.path("query").asString()).isEqualTo("access_token=" + token.substring(0, 4) + "…");
	}

	@Test
	void bigAnswersPassThroughUntouched() {
		String token = classicToken();
		byte[] content = new byte[100_000];
		new Random(7).nextBytes(content);
		Reply uploaded = this.http.upload("/cgi-bin/media/upload?access_token={t}&type=image",
				SandboxHttp.media("photo.png", "image/png", content), token);
		assertThat(uploaded.errcode()).as(uploaded.body()).isZero();
		Download download = this.http.download("/cgi-bin/media/get?access_token={t}&media_id={m}", token,
				uploaded.text("media_id"));
		assertThat(download.body()).isEqualTo(content);
		List<JsonNode> calls = list(this.http.get("/sandbox/apps/{a}/api-calls?limit=2", APP));
		assertThat(calls.get(0).path("path").asString()).isEqualTo("/cgi-bin/media/get");
		assertThat(calls.get(0).path("status").asInt()).isEqualTo(200);
		assertThat(calls.get(0).path("errcode").asInt()).isZero();
		assertThat(calls.get(0).path("query").asString())
			.startsWith("access_token=" + token.substring(0, 4) + "…&media_id=");
		assertThat(calls.get(1).path("method").asString()).isEqualTo("POST");
		assertThat(calls.get(1).path("path").asString()).isEqualTo("/cgi-bin/media/upload");
		assertThat(calls.get(1).path("errcode").asInt()).isZero();
	}

	@Test
	void callsWithoutAKnownAppAreNotListedForAnApp() {
		assertThat(useToken("not-a-token-at-all")).isNotZero();
		assertThat(list(this.http.get("/sandbox/apps/{a}/api-calls", APP))).isEmpty();
		assertThat(list(this.http.get("/sandbox/apps/{a}/api-calls", APP2))).isEmpty();
	}

	@Test
	void theLatestTwoHundredAreKeptUntilReset() {
		String token = classicToken();
		for (int i = 0; i < 204; i++) {
			useToken(token);
		}
		List<JsonNode> calls = list(this.http.get("/sandbox/apps/{a}/api-calls?limit=200", APP));
		assertThat(calls).hasSize(200);
		assertThat(calls)
			.allSatisfy((call) -> assertThat(call.path("path").asString()).isEqualTo("/cgi-bin/get_api_domain_ip"));
		for (int i = 1; i < calls.size(); i++) {
			assertThat(calls.get(i).path("id").asLong()).isLessThan(calls.get(i - 1).path("id").asLong());
		}
		assertThat(list(this.http.get("/sandbox/apps/{a}/api-calls", APP))).hasSize(50);
		assertThat(this.http.post("/sandbox/reset", null).status()).isEqualTo(204);
		assertThat(list(this.http.get("/sandbox/apps/{a}/api-calls", APP))).isEmpty();
	}

	@Test
	void callsAppearLiveOnTheStream() throws Exception {
		String token = classicToken();
		try (EventStream stream = EventStream.open(this.port, "/sandbox/apps/" + APP + "/api-calls/events")) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.nextEvent()).isEqualTo("history");
			assertThat(stream.nextData()).contains("/cgi-bin/token").doesNotContain(SECRET);
			token(APP2, SECRET2);
			useToken(token);
			assertThat(stream.nextEvent()).isEqualTo("entry");
			assertThat(stream.nextData()).contains("/cgi-bin/get_api_domain_ip").doesNotContain(token);
		}
	}

	@Test
	void badQueriesAreProblems() {
		for (String query : List.of("limit=0", "limit=201", "limit=-3", "limit=x")) {
			Reply reply = this.http.get("/sandbox/apps/" + APP + "/api-calls?" + query);
			assertThat(reply.status()).as(query).isEqualTo(400);
			assertThat(reply.contentType().toString()).as(query).startsWith("application/problem+json");
		}
		Reply unknown = this.http.get("/sandbox/apps/wx0000000000000000/api-calls");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("appId").asString()).isEqualTo("wx0000000000000000");
	}

	private void addFault(Map<String, Object> fault) {
		Reply reply = this.http.post("/sandbox/apps/{a}/faults", new HashMap<>(fault), APP);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private static List<JsonNode> list(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		reply.json().forEach(items::add);
		return items;
	}

}

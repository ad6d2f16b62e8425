package io.wxhub.sandbox.inspect;

import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CallCountTests extends SandboxTestSupport {

	@Test
	void countsEveryCallPerAppAndPathIncludingFailures() {
		String token = classicToken();
		token(APP, "wrong");
		stableToken(APP, SECRET, false);
		stableToken(APP, "wrong", true);
		useToken(token);
		useToken(token);
		this.http.post("/cgi-bin/clear_quota?access_token={t}", Map.of("appid", "x"), token);
		token(APP2, SECRET2);
		Reply reply = this.http.get("/sandbox/apps/{app}/calls", APP);
		assertThat(reply.json().path("appId").asString()).isEqualTo(APP);
		JsonNode calls = reply.json().path("calls");
		assertThat(calls.path("/cgi-bin/token").asInt()).isEqualTo(2);
		assertThat(calls.path("/cgi-bin/stable_token").asInt()).isEqualTo(2);
		assertThat(calls.path("/cgi-bin/get_api_domain_ip").asInt()).isEqualTo(2);
		// the body names appid x, which is where the call is counted
		assertThat(calls.has("/cgi-bin/clear_quota")).isFalse();
		assertThat(this.http.get("/sandbox/apps/{app}/calls", APP2).json().path("calls").path("/cgi-bin/token").asInt())
			.isEqualTo(1);
	}

	@Test
	void appComesFromTheTokenWhenNoAppidIsGiven() {
		String token = token(APP2, SECRET2).text("access_token");
		useToken(token);
		this.http.get("/cgi-bin/ticket/getticket?access_token={t}&type=jsapi", token);
		JsonNode calls = this.http.get("/sandbox/apps/{app}/calls", APP2).json().path("calls");
		assertThat(calls.path("/cgi-bin/get_api_domain_ip").asInt()).isEqualTo(1);
		assertThat(calls.path("/cgi-bin/ticket/getticket").asInt()).isEqualTo(1);
		assertThat(this.http.get("/sandbox/apps/{app}/calls", APP).json().path("calls").isEmpty()).isTrue();
	}

	@Test
	void deleteResetsTheCounts() {
		classicToken();
		assertThat(this.http.delete("/sandbox/apps/{app}/calls", APP).status()).isEqualTo(204);
		assertThat(this.http.get("/sandbox/apps/{app}/calls", APP).json().path("calls").isEmpty()).isTrue();
		assertThat(this.http.get("/sandbox/apps/{app}/calls", "wxdoesnotexist000").status()).isEqualTo(404);
	}

}

package io.wxhub.sandbox.basic;

import java.time.Duration;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token checks every token-protected API applies, seen through
 * {@code get_api_domain_ip}, and the {@code token-check} endpoint that mirrors them.
 */
class AccessTokenCheckTests extends SandboxTestSupport {

	@Test
	void answersWithAValidToken() {
		Reply reply = this.http.get("/cgi-bin/get_api_domain_ip?access_token={t}", classicToken());
		assertThat(reply.body()).isEqualTo("{\"ip_list\":[\"101.226.62.77\",\"101.226.62.78\"]}");
		assertThat(useToken(stableToken(false))).isZero();
	}

	@Test
	void missingTokenIs41001() {
		Reply reply = this.http.get("/cgi-bin/get_api_domain_ip");
		assertThat(reply.errcode()).isEqualTo(41001);
		assertThat(reply.errmsg()).matches("access_token missing" + RID);
		assertThat(useToken("")).isEqualTo(41001);
	}

	@Test
	void unknownTokenIs40001() {
		assertThat(useToken("SBX_thisWasNeverIssued")).isEqualTo(40001);
		Reply reply = this.http.get("/cgi-bin/get_api_domain_ip?access_token=SBX_x");
		assertThat(reply.errmsg()).matches("invalid credential, access_token is invalid or not latest" + RID);
	}

	@Test
	void malformedTokenIs40014() {
		assertThat(useToken("not a token!")).isEqualTo(40014);
		assertThat(useToken(classicToken() + "%")).isEqualTo(40014);
	}

	@Test
	void expiredTokenIs42001() {
		String token = classicToken();
		advance(Duration.ofSeconds(7199));
		assertThat(useToken(token)).isZero();
		advance(Duration.ofSeconds(1));
		assertThat(useToken(token)).isEqualTo(42001);
		Reply reply = this.http.get("/cgi-bin/get_api_domain_ip?access_token={t}", token);
		assertThat(reply.errmsg()).matches("access_token expired" + RID);
	}

	@Test
	void invalidatedTokensAre40001() {
		String classic = classicToken();
		String stable = stableToken(false);
		Reply invalidated = this.http.post("/sandbox/apps/{app}/tokens/invalidate", null, APP);
		assertThat(invalidated.json().path("invalidated").asInt()).isEqualTo(2);
		assertThat(useToken(classic)).isEqualTo(40001);
		assertThat(useToken(stable)).isEqualTo(40001);
		String fresh = stableToken(false);
		assertThat(fresh).isNotEqualTo(stable);
		assertThat(useToken(fresh)).isZero();
	}

	@Test
	void tokenCheckMirrorsTheApiDecision() {
		String first = classicToken();
		JsonNode valid = tokenCheck(APP, first);
		assertThat(valid.path("valid").asBoolean()).isTrue();
		assertThat(valid.path("kind").asString()).isEqualTo("classic");
		assertThat(valid.path("errcode").asInt()).isZero();
		assertThat(valid.path("expiresAt").asString()).isNotEmpty();
		classicToken();
		advance(Duration.ofMinutes(6));
		JsonNode superseded = tokenCheck(APP, first);
		assertThat(superseded.path("valid").asBoolean()).isFalse();
		assertThat(superseded.path("kind").asString()).isEqualTo("classic");
		assertThat(superseded.path("errcode").asInt()).isEqualTo(40001);
		assertThat(tokenCheck(APP, "SBX_never").path("kind").isNull()).isTrue();
		assertThat(tokenCheck(APP, "SBX_never").path("expiresAt").isNull()).isTrue();
		assertThat(tokenCheck(APP, "bad token").path("errcode").asInt()).isEqualTo(40014);
		assertThat(tokenCheck(APP, stableToken(false)).path("kind").asString()).isEqualTo("stable");
		advance(Duration.ofHours(3));
		assertThat(tokenCheck(APP, stableToken(false)).path("valid").asBoolean()).isTrue();
	}

	@Test
	void tokensBelongToTheirApp() {
		String other = token(APP2, SECRET2).text("access_token");
		assertThat(tokenCheck(APP2, other).path("valid").asBoolean()).isTrue();
		assertThat(tokenCheck(APP, other).path("errcode").asInt()).isEqualTo(40001);
	}

	private JsonNode tokenCheck(String appId, String token) {
		Reply reply = this.http.post("/sandbox/apps/{app}/token-check", Map.of("accessToken", token), appId);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

}

package io.wxhub.sandbox;

import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sandboxes in one JVM, started the way other modules' tests start them: through
 * {@link SandboxApplication#builder()} with arguments, with short token lifetimes.
 */
class TwoSandboxesTests {

	private static final String APP = "wxtwin000000000001";

	private static ConfigurableApplicationContext left;

	private static ConfigurableApplicationContext right;

	private SandboxHttp leftHttp;

	private SandboxHttp rightHttp;

	@BeforeAll
	static void start() {
		left = start("left-secret");
		right = start("right-secret");
	}

	@AfterAll
	static void stop() {
		left.close();
		right.close();
	}

	private static ConfigurableApplicationContext start(String secret) {
		return SandboxApplication.builder()
			.run("--server.port=0", "--sandbox.token-lifetime=3s", "--sandbox.token-overlap=1s",
					"--sandbox.accounts[0].app-id=" + APP, "--sandbox.accounts[0].secret=" + secret);
	}

	@BeforeEach
	void connect() {
		this.leftHttp = connect(left);
		this.rightHttp = connect(right);
	}

	private static SandboxHttp connect(ConfigurableApplicationContext context) {
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		assertThat(port).isNotEqualTo(8090);
		SandboxHttp http = new SandboxHttp(port);
		http.post("/sandbox/reset", null);
		http.post("/sandbox/clock/freeze", null);
		return http;
	}

	@Test
	void argumentsReplaceTheDemoAccounts() {
		assertThat(this.leftHttp.get("/sandbox/apps").json().size()).isEqualTo(1);
		assertThat(token(this.leftHttp, "wx5e1f0ad3c0ffee01", "0f1e2d3c4b5a69788796a5b4c3d2e1f0").errcode())
			.isEqualTo(40013);
		assertThat(token(this.leftHttp, APP, "right-secret").errcode()).isEqualTo(40125);
		assertThat(token(this.leftHttp, APP, "left-secret").json().path("expires_in").asLong()).isEqualTo(3);
	}

	@Test
	void stateIsNotShared() {
		String leftToken = token(this.leftHttp, APP, "left-secret").text("access_token");
		assertThat(use(this.leftHttp, leftToken)).isZero();
		assertThat(use(this.rightHttp, leftToken)).isEqualTo(40001);
		assertThat(calls(this.leftHttp).path("/cgi-bin/token").asInt()).isEqualTo(1);
		assertThat(calls(this.rightHttp).path("/cgi-bin/get_api_domain_ip").asInt()).isZero();
		assertThat(calls(this.rightHttp).path("/cgi-bin/token").isMissingNode()).isTrue();
	}

	@Test
	void shortLifetimeAndOverlap() {
		String first = token(this.leftHttp, APP, "left-secret").text("access_token");
		String second = token(this.leftHttp, APP, "left-secret").text("access_token");
		advance(500);
		assertThat(use(this.leftHttp, first)).isZero();
		advance(600);
		assertThat(use(this.leftHttp, first)).isEqualTo(40001);
		assertThat(use(this.leftHttp, second)).isZero();
		advance(2000);
		assertThat(use(this.leftHttp, second)).isEqualTo(42001);
	}

	@Test
	void stableTokenRotatesInTheSecondHalfOfAShortLifetime() {
		String first = stable(this.leftHttp);
		advance(1000);
		assertThat(stable(this.leftHttp)).isEqualTo(first);
		advance(600);
		String rotated = stable(this.leftHttp);
		assertThat(rotated).isNotEqualTo(first);
		assertThat(use(this.leftHttp, first)).isZero();
	}

	private void advance(long millis) {
		this.leftHttp.post("/sandbox/clock/advance", Map.of("millis", millis));
	}

	private static Reply token(SandboxHttp http, String appId, String secret) {
		return http.get("/cgi-bin/token?grant_type=client_credential&appid={a}&secret={s}", appId, secret);
	}

	private static String stable(SandboxHttp http) {
		return http
			.post("/cgi-bin/stable_token",
					Map.of("grant_type", "client_credential", "appid", APP, "secret", "left-secret"))
			.text("access_token");
	}

	private static int use(SandboxHttp http, String token) {
		return http.get("/cgi-bin/get_api_domain_ip?access_token={t}", token).errcode();
	}

	private static tools.jackson.databind.JsonNode calls(SandboxHttp http) {
		return http.get("/sandbox/apps/{app}/calls", APP).json().path("calls");
	}

}

package io.wxhub.sandbox;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.follower.DemoFollowers;
import io.wxhub.sandbox.system.SandboxClock;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP tests: one sandbox with the demo accounts of {@code application.yml},
 * reset before each test, its clock frozen so that tests move time explicitly.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=sandbox")
public abstract class SandboxTestSupport {

	protected static final String APP = "wx5e1f0ad3c0ffee01";

	protected static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

	protected static final String APP2 = "wx5e1f0ad3c0ffee02";

	protected static final String SECRET2 = "1a2b3c4d5e6f70819203a4b5c6d7e8f9";

	protected static final String RID = " rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}";

	protected static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	protected int port;

	@Autowired
	protected SandboxClock clock;

	protected SandboxHttp http;

	@BeforeEach
	void resetSandbox() {
		this.http = new SandboxHttp(this.port);
		assertThat(this.http.post("/sandbox/reset", null).status()).isEqualTo(204);
		this.clock.freeze();
		// start every test at 10:00 Beijing time so that no day boundary is crossed by
		// accident
		ZonedDateTime now = this.clock.instant().atZone(BEIJING);
		advance(Duration.between(now, now.toLocalDate().plusDays(1).atTime(10, 0).atZone(BEIJING)));
	}

	protected void advance(Duration amount) {
		this.clock.advance(amount);
	}

	protected Reply token(String appId, String secret) {
		return this.http.get("/cgi-bin/token?grant_type=client_credential&appid={a}&secret={s}", appId, secret);
	}

	protected String classicToken() {
		Reply reply = token(APP, SECRET);
		assertThat(reply.text("access_token")).as(reply.body()).isNotNull();
		return reply.text("access_token");
	}

	protected Reply stableToken(String appId, String secret, Boolean force) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("grant_type", "client_credential");
		body.put("appid", appId);
		body.put("secret", secret);
		if (force != null) {
			body.put("force_refresh", force);
		}
		return this.http.post("/cgi-bin/stable_token", body);
	}

	protected String stableToken(boolean force) {
		Reply reply = stableToken(APP, SECRET, force);
		assertThat(reply.text("access_token")).as(reply.body()).isNotNull();
		return reply.text("access_token");
	}

	/**
	 * @return the OpenID of a demo follower of an app (1: wrote at start, 2: never wrote,
	 * 3: unfollowed)
	 */
	protected static String demoFollower(String appId, int index) {
		return DemoFollowers.openid(appId, index);
	}

	/**
	 * Makes a follower of {@link #APP} write now, which opens a fresh 48 h window.
	 * @return the follower as the sandbox answers
	 */
	protected JsonNode wroteNow(String openid) {
		Reply reply = this.http.post("/sandbox/apps/{app}/followers",
				Map.of("openid", openid, "lastMessageAt", this.clock.instant().toString()), APP);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	/**
	 * Calls the simplest API that needs a token.
	 * @return the errcode it answered, 0 on success
	 */
	protected int useToken(String token) {
		Reply reply = this.http.get("/cgi-bin/get_api_domain_ip?access_token={t}", token);
		assertThat(reply.status()).isEqualTo(200);
		return reply.errcode();
	}

}

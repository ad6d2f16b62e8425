package io.wxhub.sandbox.message;

import java.time.Duration;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import io.wxhub.sandbox.follower.FollowerRegistry;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customer-service message tests: a token and a demo follower who has just written, and
 * the calls to send to that follower.
 */
abstract class CustomMessageTestSupport extends SandboxTestSupport {

	@Autowired
	protected FollowerRegistry followers;

	protected String token;

	protected String openid;

	@BeforeEach
	void follower() {
		this.token = classicToken();
		this.openid = demoFollower(APP, 1);
		wroteNow(this.openid);
	}

	// moves the clock, then takes a new token, as the old one may have expired
	protected void later(Duration amount) {
		advance(amount);
		this.token = classicToken();
	}

	protected Reply send(Object body) {
		return this.http.post("/cgi-bin/message/custom/send?access_token={t}", body, this.token);
	}

	protected Map<String, Object> text(String content) {
		return textTo(this.openid, content);
	}

	protected static Map<String, Object> textTo(String openid, String content) {
		return Map.of("touser", openid, "msgtype", "text", "text", Map.of("content", content));
	}

}

package io.wxhub.sandbox.push;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's URL check: a signed GET whose {@code echostr} must come back exactly.
 */
class UrlCheckTests extends PushTestSupport {

	@Test
	void aServerThatEchoesPasses() {
		JsonNode result = this.http
			.post("/sandbox/url-check", Map.of("url", SERVER.url(SAFE.appId()), "token", SAFE.token()))
			.json();
		assertThat(result.path("ok").asBoolean()).isTrue();
		assertThat(result.path("status").asInt()).isEqualTo(200);
		assertThat(result.path("echostr").asString()).matches("\\d{19}");
		assertThat(result.path("body").asString()).isEqualTo(result.path("echostr").asString());
		Received got = SERVER.last();
		assertThat(got.method()).isEqualTo("GET");
		assertThat(got.signed()).isTrue();
		assertThat(got.query()).containsOnlyKeys("signature", "echostr", "timestamp", "nonce");
		assertThat(got.query().get("echostr")).isEqualTo(result.path("echostr").asString());
		JsonNode configured = this.http.post("/sandbox/apps/{app}/url-check", null, PLAIN.appId()).json();
		assertThat(configured.path("ok").asBoolean()).isTrue();
		assertThat(SERVER.last().account()).isEqualTo(PLAIN);
	}

	@Test
	void aWrongEchoOrAWrongTokenFails() {
		SERVER.script(Answers.body(200, "not-the-echostr"));
		JsonNode wrongEcho = this.http.post("/sandbox/apps/{app}/url-check", null, SAFE.appId()).json();
		assertThat(wrongEcho.path("ok").asBoolean()).isFalse();
		assertThat(wrongEcho.path("status").asInt()).isEqualTo(200);
		assertThat(wrongEcho.path("body").asString()).isEqualTo("not-the-echostr");
		JsonNode wrongToken = this.http
			.post("/sandbox/url-check", Map.of("url", SERVER.url(SAFE.appId()), "token", "not-the-token"))
			.json();
		assertThat(wrongToken.path("ok").asBoolean()).isFalse();
		assertThat(wrongToken.path("status").asInt()).isEqualTo(403);
	}

	@Test
	void anUnreachableServerFails() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		JsonNode result = this.http
			.post("/sandbox/url-check", Map.of("url", "http://127.0.0.1:" + port + "/wx", "token", "t"))
			.json();
		assertThat(result.path("ok").asBoolean()).isFalse();
		assertThat(result.path("status").isNull()).isTrue();
		assertThat(result.path("body").isNull()).isTrue();
		assertThat(result.path("error").asString()).startsWith("cannot reach 127.0.0.1:" + port);
	}

	@Test
	void badRequestsAreProblems() {
		Reply noToken = this.http.post("/sandbox/url-check", Map.of("url", SERVER.url(SAFE.appId())));
		assertThat(noToken.status()).isEqualTo(400);
		assertThat(noToken.contentType().toString()).startsWith("application/problem+json");
		assertThat(this.http.post("/sandbox/url-check", Map.of("url", "ftp://x", "token", "t")).status())
			.isEqualTo(400);
		assertThat(this.http.post("/sandbox/apps/{app}/url-check", null, "wxnope").status()).isEqualTo(404);
	}

}

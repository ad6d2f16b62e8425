package io.wxhub.sandbox.domain;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.wxhub.sandbox.SandboxApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One sandbox playing two more WeChat domains on extra ports, each switched to refuse,
 * hang or serve on its own.
 */
class DomainPortsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static ConfigurableApplicationContext sandbox;

	private static String control;

	private int primary;

	private int backup;

	@BeforeAll
	static void start() {
		sandbox = SandboxApplication.builder().run("--server.port=0", "--sandbox.domains.extra-ports=0,0");
		control = "http://127.0.0.1:" + ((WebServerApplicationContext) sandbox).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@BeforeEach
	void reset() throws Exception {
		assertThat(send(post(control + "/sandbox/reset", "")).statusCode()).isEqualTo(204);
		JsonNode ports = JSON.readTree(send(get(control + "/sandbox/domains")).body());
		this.primary = ports.get(0).path("port").asInt();
		this.backup = ports.get(1).path("port").asInt();
	}

	@Test
	void everyExtraPortServesTheEmulatedWeChatAndCountsWhatItReceived() throws Exception {
		assertThat(send(get(domain(this.primary))).body()).contains("41001");
		assertThat(send(get(domain(this.backup))).body()).contains("41001");
		assertThat(send(get(domain(this.backup))).body()).contains("41001");
		assertThat(calls(0)).isEqualTo(1);
		assertThat(calls(1)).isEqualTo(2);
	}

	@Test
	void aRefusingPortClosesItsConnectionsUntilItServesAgain() throws Exception {
		assertThat(send(get(domain(this.primary))).statusCode()).isEqualTo(200);
		switchTo(this.primary, "refuse");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> send(get(domain(this.primary))));
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> send(get(domain(this.primary))));
		assertThat(send(get(domain(this.backup))).statusCode()).isEqualTo(200);
		switchTo(this.primary, "ok");
		assertThat(send(get(domain(this.primary))).body()).contains("41001");
	}

	@Test
	void aHangingPortTakesRequestsAndNeverAnswers() throws Exception {
		switchTo(this.primary, "hang");
		HttpRequest request = HttpRequest.newBuilder(URI.create(domain(this.primary)))
			.timeout(Duration.ofMillis(500))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> send(request));
		assertThat(calls(0)).isEqualTo(1);
		switchTo(this.primary, "ok");
		assertThat(send(get(domain(this.primary))).statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownPortOrModeIsAProblem() throws Exception {
		HttpResponse<String> unknown = send(post(control + "/sandbox/domains/1", "{\"mode\":\"ok\"}"));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<String> badMode = send(
				post(control + "/sandbox/domains/" + this.primary, "{\"mode\":\"explode\"}"));
		assertThat(badMode.statusCode()).isEqualTo(400);
		assertThat(badMode.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private void switchTo(int port, String mode) throws Exception {
		HttpResponse<String> answer = send(post(control + "/sandbox/domains/" + port, "{\"mode\":\"" + mode + "\"}"));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(JSON.readTree(answer.body()).path("mode").asString()).isEqualTo(mode);
	}

	private long calls(int index) throws Exception {
		JsonNode ports = JSON.readTree(send(get(control + "/sandbox/domains")).body());
		return ports.get(index).path("calls").path("/cgi-bin/get_api_domain_ip").asLong();
	}

	private static String domain(int port) {
		return "http://127.0.0.1:" + port + "/cgi-bin/get_api_domain_ip";
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
	}

	private static HttpRequest post(String url, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}

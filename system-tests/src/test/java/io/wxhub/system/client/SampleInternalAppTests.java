package io.wxhub.system.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wxhub.system.e2e.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.wxhub.system.client.TokenServerStack.APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample internal app ({@code samples/internal-app}) as {@code ./run --sample} starts
 * it, with its demo profile: WxJava's starter with central tokens creates a menu, sends a
 * customer-service message and signs a page, calling WeChat (the sandbox) directly; a
 * refused call is a 400 with WeChat's errcode; and its log holds no token.
 */
@ExtendWith(SharedTokenServerStack.class)
class SampleInternalAppTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void theSampleCallsWeChatWithCentralTokens(TokenServerStack stack) throws Exception {
		ServiceProcess sample = ServiceProcess.start("samples/internal-app", "internal-app",
				Map.of("SPRING_PROFILES_ACTIVE", "demo", "WXHUB_TOKEN_SERVER_URLS", stack.url(), "WX_MP_HOSTS_API_HOST",
						stack.sandboxUrl()),
				List.of());
		try {
			sample.awaitReady();
			HttpResponse<String> menu = send(sample, "POST", "/menu", "");
			assertThat(menu.statusCode()).isEqualTo(200);
			assertThat(menu.body()).contains("今日歌曲");
			HttpResponse<String> sent = send(sample, "POST", "/followers/o6QT0ruIp7HqPn01laGVDpNMMn4p/messages", "您好");
			assertThat(sent.body()).isEqualTo("{\"sent\":true}");
			assertThat(send(sample, "GET", "/jsapi-signature?url=https://wxhub.example/", "").body())
				.contains("\"appId\":\"" + APP + "\"")
				.containsPattern("\"signature\":\"[0-9a-f]{40}\"");
			HttpResponse<String> refused = send(sample, "POST", "/followers/nobody/messages", "x");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("\"errcode\":40003");
			String token = stack.client().build().accessToken(APP);
			assertThat(sample.output()).doesNotContain(token).doesNotContain(TokenServerStack.KEY);
		}
		finally {
			sample.stop();
		}
	}

	private static HttpResponse<String> send(ServiceProcess app, String method, String path, String body)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + path))
			.header("Content-Type", "text/plain; charset=utf-8")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}

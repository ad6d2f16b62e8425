package io.wxhub.apiproxy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.wxhub.apiproxy.ProxyCluster.APP;
import static io.wxhub.apiproxy.ProxyCluster.APP_SECRET;
import static io.wxhub.apiproxy.ProxyCluster.CLIENT_KEY;
import static io.wxhub.apiproxy.ProxyCluster.LIMITED_KEY;
import static io.wxhub.apiproxy.ProxyCluster.SIGNING_KEY;
import static io.wxhub.apiproxy.ProxyCluster.get;
import static io.wxhub.apiproxy.ProxyCluster.json;
import static io.wxhub.apiproxy.ProxyCluster.post;
import static io.wxhub.apiproxy.ProxyCluster.proxyToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One proxy replica: the credential exchange, forwarding, refusals and WeChat's error
 * answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProxyIntegrationTests {

	private static ProxyCluster cluster;

	private static String proxy;

	@BeforeAll
	static void start() {
		cluster = ProxyCluster.start(List.of(), List.of());
		proxy = cluster.startProxy("--api-proxy.read-timeout=1s", "--api-proxy.max-request-size=1MB");
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@BeforeEach
	void clearFaults() {
		ProxyCluster.send(
				HttpRequest.newBuilder(URI.create(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/faults")).DELETE());
	}

	@Test
	void exchangeGivesAProxyTokenNotTheRealOne() {
		JsonNode classic = json(
				get(proxy + "/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + CLIENT_KEY));
		assertThat(classic.path("access_token").asString()).startsWith("wxp1.");
		assertThat(classic.path("expires_in").asLong()).isEqualTo(7200);
		JsonNode stable = json(
				post(proxy + "/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP
						+ "\",\"secret\":\"" + CLIENT_KEY + "\",\"force_refresh\":false}"));
		assertThat(stable.path("access_token").asString()).startsWith("wxp1.");
		JsonNode real = json(post(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/token-check",
				"{\"accessToken\":\"" + classic.path("access_token").asString() + "\"}"));
		assertThat(real.path("valid").asBoolean()).isFalse();
	}

	@Test
	void exchangeRefusalsUseWeChatsErrcodes() {
		String base = proxy + "/cgi-bin/token?";
		assertRefusal(get(base + "grant_type=password&appid=" + APP + "&secret=" + CLIENT_KEY), 40002);
		assertRefusal(get(base + "grant_type=client_credential&secret=" + CLIENT_KEY), 41002);
		assertRefusal(get(base + "grant_type=client_credential&appid=" + APP), 41004);
		assertRefusal(get(base + "grant_type=client_credential&appid=" + APP + "&secret=wrong-key"), 40125);
		// The AppSecret itself is not a client key: the proxy never accepts WeChat's
		// secret.
		assertRefusal(get(base + "grant_type=client_credential&appid=" + APP + "&secret=" + APP_SECRET), 40125);
		assertRefusal(get(base + "grant_type=client_credential&appid=wxother&secret=" + CLIENT_KEY), 40013);
		assertRefusal(post(proxy + "/cgi-bin/stable_token", "not json"), 47001);
	}

	@Test
	void forwardsWithTheRealTokenAndPassesTheAnswerThrough() {
		String token = proxyToken(proxy, CLIENT_KEY);
		long before = cluster.upstreamCalls("/cgi-bin/get_api_domain_ip");
		HttpResponse<String> response = get(proxy + "/cgi-bin/get_api_domain_ip?access_token=" + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("ip_list").size()).isEqualTo(2);
		assertThat(cluster.upstreamCalls("/cgi-bin/get_api_domain_ip")).isEqualTo(before + 1);
		JsonNode quota = json(post(proxy + "/cgi-bin/openapi/quota/get?access_token=" + token,
				"{\"cgi_path\":\"/cgi-bin/get_api_domain_ip\"}"));
		assertThat(quota.path("errcode").asInt()).isZero();
		assertThat(quota.path("quota").path("used").asLong()).isPositive();
	}

	@Test
	void requestLinesUpTo8KiBAreForwardedAndLongerOnesRefused() {
		String token = proxyToken(proxy, CLIENT_KEY);
		String padding = "x".repeat(6000);
		HttpResponse<String> long6k = get(
				proxy + "/cgi-bin/get_api_domain_ip?pad=" + padding + "&access_token=" + token);
		assertThat(json(long6k).path("ip_list").size()).isEqualTo(2);
		HttpResponse<String> long10k = get(
				proxy + "/cgi-bin/get_api_domain_ip?pad=" + padding + padding + "&access_token=" + token);
		assertThat(long10k.statusCode()).isEqualTo(400);
	}

	@Test
	void refusesMissingForgedAndForeignProxyTokens() {
		assertRefusal(get(proxy + "/cgi-bin/get_api_domain_ip"), 41001, "access-token-missing");
		String token = proxyToken(proxy, CLIENT_KEY);
		String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		assertRefusal(get(proxy + "/cgi-bin/get_api_domain_ip?access_token=" + forged), 40001, "bad-proxy-token");
		assertRefusal(get(proxy + "/cgi-bin/get_api_domain_ip?access_token=garbage"), 40001, "bad-proxy-token");
		// A real WeChat token is no proxy token either.
		String real = json(get(cluster.sandboxUrl() + "/cgi-bin/token?grant_type=client_credential&appid=" + APP
				+ "&secret=" + APP_SECRET))
			.path("access_token")
			.asString();
		assertRefusal(get(proxy + "/cgi-bin/get_api_domain_ip?access_token=" + real), 40001, "bad-proxy-token");
	}

	@Test
	void refusesPathsTheClientMayNotCall() {
		String token = proxyToken(proxy, LIMITED_KEY);
		assertThat(json(get(proxy + "/cgi-bin/get_api_domain_ip?access_token=" + token)).has("ip_list")).isTrue();
		assertRefusal(post(proxy + "/cgi-bin/openapi/quota/get?access_token=" + token, "{\"cgi_path\":\"/x\"}"), 48001,
				"path-not-allowed");
	}

	@Test
	void hostileRequestsNeverReachWeChat() throws Exception {
		String token = proxyToken(proxy, CLIENT_KEY);
		long resets = cluster.upstreamCalls("/sandbox/reset");
		for (String path : List.of("/cgi-bin/../sandbox/reset", "/cgi-bin/%2e%2e/sandbox/reset",
				"/cgi-bin//get_api_domain_ip", "/cgi-bin/get_api_domain_ip;x=1", "/sandbox/reset",
				"/cgi-bin/..%2fsandbox/reset")) {
			var response = ProxyCluster.send(HttpRequest.newBuilder(URI.create(proxy + path + "?access_token=" + token))
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).as(path).isIn(400, 404);
		}
		assertThat(cluster.upstreamCalls("/sandbox/reset")).isEqualTo(resets);
		// A CR/LF smuggled into the query stays in the query: no header is injected.
		var smuggled = get(proxy + "/cgi-bin/get_api_domain_ip?x=%0d%0aX-Injected:%20yes&access_token=" + token);
		assertThat(smuggled.headers().firstValue("X-Injected")).isEmpty();
		assertThat(smuggled.statusCode()).isEqualTo(200);
	}

	@Test
	void malformedHttpIsAProblemAndPipelinedCallsAreAnsweredInOrder() throws Exception {
		String garbage = talk("GARBAGE\r\n\r\n");
		assertThat(garbage).startsWith("HTTP/1.1 400").contains("application/problem+json");
		String token = proxyToken(proxy, CLIENT_KEY);
		String host = "Host: 127.0.0.1\r\n";
		// Kept alive: the server would answer the earlier calls with "Connection: close"
		// as
		// soon as it read a later one asking to close.
		String answers = talk("GET /cgi-bin/get_api_domain_ip?access_token=" + token + " HTTP/1.1\r\n" + host + "\r\n"
				+ "GET /actuator/health/liveness HTTP/1.1\r\n" + host + "\r\n"
				+ "GET /cgi-bin/get_api_domain_ip?access_token=forged HTTP/1.1\r\n" + host + "\r\n", "40001");
		assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(4);
		assertThat(answers.indexOf("ip_list")).isPositive()
			.isLessThan(answers.indexOf("\"UP\""))
			.isLessThan(answers.indexOf("40001"));
	}

	@Test
	void aChunkedBodyAfterExpectContinueIsForwardedWhole() throws Exception {
		String token = proxyToken(proxy, CLIENT_KEY);
		long posts = cluster.upstreamCalls("/cgi-bin/openapi/quota/get");
		URI uri = URI.create(proxy);
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /cgi-bin/openapi/quota/get?access_token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			assertThat(readUntil(in, "\r\n\r\n")).startsWith("HTTP/1.1 100 Continue");
			// the body in two chunks, the second after a pause
			out.write("10\r\n{\"cgi_path\":\"/cg\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread.sleep(200);
			out.write("19\r\ni-bin/get_api_domain_ip\"}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String head = readUntil(in, "\r\n\r\n");
			assertThat(head).startsWith("HTTP/1.1 200");
			int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
			String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
			assertThat(ProxyCluster.JSON.readTree(body).path("quota").isObject()).as(body).isTrue();
		}
		assertThat(cluster.upstreamCalls("/cgi-bin/openapi/quota/get")).isEqualTo(posts + 1);
	}

	private static String readUntil(InputStream in, String end) throws Exception {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		while (!read.toString(StandardCharsets.UTF_8).contains(end)) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			read.write(b);
		}
		return read.toString(StandardCharsets.UTF_8);
	}

	@Test
	void oversizedBodiesAre413() {
		String token = proxyToken(proxy, CLIENT_KEY);
		// Above the limit (1 MB here): the proxy reads the body to its end, so the
		// client gets to read the answer.
		byte[] big = new byte[1536 * 1024];
		var response = ProxyCluster
			.send(HttpRequest.newBuilder(URI.create(proxy + "/cgi-bin/openapi/quota/get?access_token=" + token))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(big)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void systemErrorIsRetriedOnceForGetsOnly() {
		String token = proxyToken(proxy, CLIENT_KEY);
		long gets = cluster.upstreamCalls("/cgi-bin/get_api_domain_ip");
		cluster.injectFault("{\"path\":\"/cgi-bin/get_api_domain_ip\",\"count\":1,\"errcode\":-1}");
		assertThat(json(get(proxy + "/cgi-bin/get_api_domain_ip?access_token=" + token)).has("ip_list")).isTrue();
		assertThat(cluster.upstreamCalls("/cgi-bin/get_api_domain_ip")).isEqualTo(gets + 2);

		long posts = cluster.upstreamCalls("/cgi-bin/openapi/quota/get");
		cluster.injectFault("{\"path\":\"/cgi-bin/openapi/quota/get\",\"count\":1,\"errcode\":-1}");
		JsonNode answer = json(post(proxy + "/cgi-bin/openapi/quota/get?access_token=" + token,
				"{\"cgi_path\":\"/cgi-bin/get_api_domain_ip\"}"));
		assertThat(answer.path("errcode").asInt()).isEqualTo(-1);
		assertThat(cluster.upstreamCalls("/cgi-bin/openapi/quota/get")).isEqualTo(posts + 1);
	}

	@Test
	void slowWeChatIs504() {
		String token = proxyToken(proxy, CLIENT_KEY);
		cluster.injectFault("{\"path\":\"/cgi-bin/openapi/quota/get\",\"count\":1,\"delayMillis\":2500}");
		var response = post(proxy + "/cgi-bin/openapi/quota/get?access_token=" + token,
				"{\"cgi_path\":\"/cgi-bin/get_api_domain_ip\"}");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void everyCallIsAuditedWithoutSecrets(CapturedOutput output) {
		String token = proxyToken(proxy, CLIENT_KEY);
		get(proxy + "/cgi-bin/get_api_domain_ip?access_token=" + token);
		get(proxy + "/cgi-bin/get_api_domain_ip?access_token=forged");
		assertThat(output.getOut())
			.contains("client=all app=" + APP + " api=/cgi-bin/get_api_domain_ip method=GET outcome=ok")
			.contains("outcome=refused errcode=40001");
		String metrics = get(proxy + "/actuator/prometheus").body();
		assertThat(metrics).contains("wxhub_proxy_requests_seconds_count{api=\"/cgi-bin/get_api_domain_ip\",app=\""
				+ APP + "\",client=\"all\",errcode=\"0\",outcome=\"ok\"}");
		String real = json(
				post(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/token-check", "{\"accessToken\":\"x\"}"))
			.toString();
		assertThat(real).isNotEmpty();
		assertThat(output.getAll()).doesNotContain(token)
			.doesNotContain(CLIENT_KEY)
			.doesNotContain(SIGNING_KEY)
			.doesNotContain(APP_SECRET)
			.doesNotContain("proxy-to-token-server")
			.doesNotContain("SBX_");
	}

	private static void assertRefusal(HttpResponse<String> response, int errcode) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("errcode").asInt()).isEqualTo(errcode);
		assertThat(response.headers().firstValue("X-Wxhub-Reason")).isPresent();
	}

	private static void assertRefusal(HttpResponse<String> response, int errcode, String reason) {
		assertRefusal(response, errcode);
		assertThat(response.headers().firstValue("X-Wxhub-Reason")).hasValue(reason);
	}

	/** Raw bytes to the proxy's port; everything it answers until it closes. */
	private static String talk(String request) throws Exception {
		return talk(request, null);
	}

	/**
	 * Raw bytes to the proxy's port; what it answers until {@code last} has arrived, or
	 * until it closes.
	 */
	private static String talk(String request, String last) throws Exception {
		URI uri = URI.create(proxy);
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answers = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((last == null || !answers.toString(StandardCharsets.UTF_8).contains(last))
					&& (read = in.read(buffer)) >= 0) {
				answers.write(buffer, 0, read);
			}
			return answers.toString(StandardCharsets.UTF_8);
		}
	}

}

package io.wxhub.apiproxy.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.wxhub.apiproxy.TestProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The credential exchange on its own: answers and WeChat-shaped refusals. */
class CredentialControllerTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final ApiProxyProperties properties = TestProperties.withClients();

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ProxyTokens tokens = new ProxyTokens(this.properties, this.clock);

	private final WebTestClient client = WebTestClient
		.bindToController(new CredentialController(new ClientDirectory(this.properties), this.tokens, this.properties,
				JsonMapper.builder().build(), this.clock))
		.build();

	@Test
	void exchangesAClientKeyForAProxyToken() {
		this.client.get()
			.uri("/cgi-bin/token?grant_type=client_credential&appid=wxapp1&secret=key-all")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.access_token")
			.value((token) -> org.assertj.core.api.Assertions.assertThat(this.tokens.verify((String) token))
				.contains(new ProxyToken("all", "wxapp1", NOW.plus(this.properties.proxyTokenLifetime()))))
			.jsonPath("$.expires_in")
			.isEqualTo(7200);
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource({ "grant_type=password&appid=wxapp1&secret=key-all, 40002, invalid grant_type, bad-grant-type",
			"grant_type=client_credential&secret=key-all, 41002, appid missing, appid-missing",
			"grant_type=client_credential&appid=wxapp1, 41004, appsecret missing, key-missing",
			"grant_type=client_credential&appid=wxapp1&secret=wrong, 40125, invalid appsecret, bad-client-key",
			"grant_type=client_credential&appid=wxapp2&secret=key-limited, 40013, invalid appid, app-not-allowed" })
	void refusesInWeChatsShape(String query, int errcode, String errmsg, String reason) {
		this.client.get()
			.uri("/cgi-bin/token?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Wxhub-Reason", reason)
			.expectBody()
			.jsonPath("$.errcode")
			.isEqualTo(errcode)
			.jsonPath("$.errmsg")
			.isEqualTo(errmsg)
			.jsonPath("$.access_token")
			.doesNotExist();
	}

	@Test
	void stableTokenReadsAJsonBody() {
		this.client.post()
			.uri("/cgi-bin/stable_token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"grant_type\":\"client_credential\",\"appid\":\"wxapp2\",\"secret\":\"key-all\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.access_token")
			.value((token) -> org.assertj.core.api.Assertions.assertThat((String) token).startsWith("wxp1."));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "not json", "[1,2]", "\"text\"" })
	void stableTokenRefusesWhatIsNotAJsonObject(String body) {
		this.client.post()
			.uri("/cgi-bin/stable_token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Wxhub-Reason", "bad-request")
			.expectBody()
			.jsonPath("$.errcode")
			.isEqualTo(47001)
			.jsonPath("$.errmsg")
			.isEqualTo("data format error");
	}

}

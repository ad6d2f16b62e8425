package io.wxhub.apiproxy.admission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.wxhub.apiproxy.TestProperties;
import io.wxhub.apiproxy.admission.Decision.Admitted;
import io.wxhub.apiproxy.admission.Decision.Malformed;
import io.wxhub.apiproxy.admission.Decision.Refused;
import io.wxhub.apiproxy.credential.ClientDirectory;
import io.wxhub.apiproxy.credential.ProxyTokens;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;
import io.wxhub.protocol.error.WeChatErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission decision on its own: proxy tokens made with the test signing key, a fixed
 * clock, and a rate limit that admits the {@code all} client and refuses the
 * {@code limited} one.
 */
class AdmissionTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final ApiProxyProperties PROPERTIES = TestProperties.withClients();

	private static final ProxyTokens TOKENS = new ProxyTokens(PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

	private static final String ALL = TOKENS.issue("all", "wxapp1", NOW.plusSeconds(60));

	private static final String LIMITED = TOKENS.issue("limited", "wxapp1", NOW.plusSeconds(60));

	private final Admission admission = new Admission(new PathRules(PROPERTIES), TOKENS,
			new ClientDirectory(PROPERTIES),
			(client) -> CompletableFuture.completedFuture(!client.id().equals("limited")));

	static Stream<Arguments> calls() {
		String api = "/cgi-bin/get_api_domain_ip";
		return Stream.of(
				Arguments.of("/cgi-bin/../sandbox/reset", "access_token=" + ALL,
						new Malformed("/cgi-bin/../sandbox/reset")),
				Arguments.of(api, null,
						refused(WeChatErrorCode.ACCESS_TOKEN_MISSING, "access-token-missing", "-", "-")),
				Arguments.of(api, "openid=x",
						refused(WeChatErrorCode.ACCESS_TOKEN_MISSING, "access-token-missing", "-", "-")),
				Arguments.of(api, "access_token=garbage",
						refused(WeChatErrorCode.INVALID_CREDENTIAL, "bad-proxy-token", "-", "-")),
				Arguments.of(api, "access_token=" + ALL.substring(0, ALL.length() - 2) + "AA",
						refused(WeChatErrorCode.INVALID_CREDENTIAL, "bad-proxy-token", "-", "-")),
				Arguments.of(api, "access_token=" + TOKENS.issue("gone", "wxapp1", NOW.plusSeconds(60)),
						refused(WeChatErrorCode.INVALID_CREDENTIAL, "bad-proxy-token", "-", "-")),
				Arguments.of(api, "access_token=" + TOKENS.issue("limited", "wxapp2", NOW.plusSeconds(60)),
						refused(WeChatErrorCode.INVALID_CREDENTIAL, "bad-proxy-token", "-", "-")),
				Arguments.of(api, "access_token=" + TOKENS.issue("all", "wxapp1", NOW),
						refused(WeChatErrorCode.INVALID_CREDENTIAL, "bad-proxy-token", "-", "-")),
				Arguments.of("/cgi-bin/user/info", "access_token=" + LIMITED,
						new Refused(WeChatErrorCode.API_UNAUTHORIZED, "path-not-allowed", "limited", "wxapp1",
								"/cgi-bin/user/info")),
				Arguments.of(api, "access_token=" + LIMITED,
						new Refused(WeChatErrorCode.MINUTE_QUOTA_EXCEEDED, "rate-limited", "limited", "wxapp1", api)),
				Arguments.of("/cgi-bin/user/info", "openid=o1&access_token=" + ALL + "&lang=zh_CN",
						new Admitted("all", "wxapp1", "/cgi-bin/user/info", "openid=o1&lang=zh_CN")),
				Arguments.of(api, "access_token=" + ALL, new Admitted("all", "wxapp1", api, null)));
	}

	@ParameterizedTest(name = "[{index}] {0}?{1}")
	@MethodSource("calls")
	void decides(String path, String query, Decision expected) {
		assertThat(this.admission.decide(path, query).toCompletableFuture().join()).isEqualTo(expected);
	}

	static Stream<Arguments> codeExchanges() {
		String base = "grant_type=authorization_code&code=c1";
		return Stream.of(
				Arguments.of("appid=wxapp1&secret=key-all&code=c1",
						exchangeRefused(WeChatErrorCode.INVALID_GRANT_TYPE, "bad-grant-type", "-", "-")),
				Arguments.of(base + "&secret=key-all",
						exchangeRefused(WeChatErrorCode.APPID_MISSING, "appid-missing", "-", "-")),
				Arguments.of(base + "&appid=wxapp1",
						exchangeRefused(WeChatErrorCode.APPSECRET_MISSING, "key-missing", "-", "-")),
				Arguments.of(base + "&appid=wxapp1&secret=key-other",
						exchangeRefused(WeChatErrorCode.INVALID_APPSECRET, "bad-client-key", "-", "-")),
				Arguments.of(base + "&appid=wxapp3&secret=key-all",
						exchangeRefused(WeChatErrorCode.INVALID_APPID, "app-not-allowed", "all", "-")),
				Arguments.of(base + "&appid=wxapp1&secret=key-limited",
						exchangeRefused(WeChatErrorCode.API_UNAUTHORIZED, "path-not-allowed", "limited", "wxapp1")),
				Arguments.of(base + "&appid=wxapp2&secret=key-sns",
						exchangeRefused(WeChatErrorCode.MINUTE_QUOTA_EXCEEDED, "rate-limited", "sns", "wxapp2")),
				Arguments.of(base + "&appid=wxapp1&secret=key%2Dall",
						new Admitted("all", "wxapp1", "/sns/oauth2/access_token", null)));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("codeExchanges")
	void decidesCodeExchanges(String query, Decision expected) {
		ApiProxyProperties properties = TestProperties.of(List.of(
				new Client("all", "key-all", List.of("wxapp1", "wxapp2"), List.of("/cgi-bin/**", "/sns/**"), 0),
				PROPERTIES.clients().get(1), new Client("sns", "key-sns", List.of("wxapp2"), List.of("/sns/**"), 1)));
		// the rate limit refuses every limited client
		Admission admission = new Admission(new PathRules(properties), TOKENS, new ClientDirectory(properties),
				(client) -> CompletableFuture.completedFuture(client.rateLimit() == 0));
		assertThat(admission.decideCodeExchange("/sns/oauth2/access_token", CodeExchangeQuery.of(query))
			.toCompletableFuture()
			.join()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("codeExchanges")
	void theClientKeyAndCodeNeverShowInTheQuerysText(String query) {
		assertThat(CodeExchangeQuery.of(query).toString()).doesNotContain("key-", "c1");
	}

	private static Refused exchangeRefused(WeChatErrorCode code, String reason, String clientId, String appId) {
		return new Refused(code, reason, clientId, appId, "/sns/oauth2/access_token");
	}

	private static Refused refused(WeChatErrorCode code, String reason, String clientId, String appId) {
		return new Refused(code, reason, clientId, appId, "/cgi-bin/get_api_domain_ip");
	}

}

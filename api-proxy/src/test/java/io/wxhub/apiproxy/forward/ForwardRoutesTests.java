package io.wxhub.apiproxy.forward;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.wxhub.apiproxy.TestProperties;
import io.wxhub.apiproxy.admission.Admission;
import io.wxhub.apiproxy.admission.PathRules;
import io.wxhub.apiproxy.credential.ClientDirectory;
import io.wxhub.apiproxy.credential.ProxyTokens;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.tokens.AccessTokens;
import io.wxhub.apiproxy.tokens.CodeExchanges;
import io.wxhub.apiproxy.tokens.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The forwarding and web authorization routes on a server of their own: what the caller
 * sees when the proxy answers by itself (refusals in WeChat's shape, problems), with no
 * WeChat and no token server behind it.
 */
class ForwardRoutesTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final ApiProxyProperties properties = TestProperties.withClients();

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ProxyTokens proxyTokens = new ProxyTokens(this.properties, this.clock);

	private final WeChatClient nowhere = new WeChatClient(URI.create("http://127.0.0.1:" + closedPort()),
			Duration.ofSeconds(2), Duration.ofSeconds(2), null, null);

	private final DisposableServer server = server(1024);

	private final WebTestClient client = WebTestClient.bindToServer()
		.baseUrl("http://127.0.0.1:" + this.server.port())
		.build();

	@AfterEach
	void close() {
		this.server.disposeNow();
		this.nowhere.close();
	}

	@Test
	void aMissingTokenIsRefusedInWeChatsShape() {
		this.client.get()
			.uri("/cgi-bin/get_api_domain_ip")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Wxhub-Reason", "access-token-missing")
			.expectBody()
			.jsonPath("$.errcode")
			.isEqualTo(41001)
			.jsonPath("$.errmsg")
			.isEqualTo("access_token missing");
	}

	@Test
	void aMalformedPathIsA400Problem() {
		this.client.get()
			.uri(URI.create("http://127.0.0.1:" + this.server.port() + "/cgi-bin//get_api_domain_ip?access_token=x"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:wxhub:problem:bad-path")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.instance")
			.isEqualTo("/cgi-bin//get_api_domain_ip");
	}

	@Test
	void aBodyOverTheLimitIsA413Problem() {
		this.client.post()
			.uri("/cgi-bin/openapi/quota/get?access_token=" + token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[1025])
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:wxhub:problem:body-too-large");
	}

	@Test
	void noTokenFromTheTokenServerIsA503ProblemWithRetryAfter() {
		this.client.get()
			.uri("/cgi-bin/get_api_domain_ip?access_token=" + token())
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:wxhub:problem:no-access-token");
	}

	@Test
	void anUnreachableWeChatIsAFailureTheRelayAnswers502() {
		assertThatExceptionOfType(UpstreamFailure.class)
			.isThrownBy(
					() -> this.nowhere.send("GET", "/cgi-bin/x?access_token=t", new DefaultHttpHeaders(), new byte[0])
						.block(Duration.ofSeconds(10)))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.UNREACHABLE));
	}

	@Test
	void getticketOfAnUnknownTypeIsWeChats40097() {
		for (String query : new String[] { "&type=card", "", "&type=" }) {
			this.client.get()
				.uri("/cgi-bin/ticket/getticket?access_token=" + token() + query)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Wxhub-Reason", "ticket-type-invalid")
				.expectBody()
				.jsonPath("$.errcode")
				.isEqualTo(40097)
				.jsonPath("$.errmsg")
				.isEqualTo("invalid args");
		}
	}

	@Test
	void noTicketFromTheTokenServerIsA503ProblemWithRetryAfter() {
		this.client.get()
			.uri("/cgi-bin/ticket/getticket?access_token=" + token() + "&type=jsapi")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:wxhub:problem:no-ticket");
	}

	@Test
	void theCodeExchangeIsRefusedInWeChatsShapeWithoutAskingTheTokenServer() {
		this.client.get()
			.uri("/sns/oauth2/access_token?appid=wxapp1&secret=key-wrong&code=c&grant_type=authorization_code")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Wxhub-Reason", "bad-client-key")
			.expectBody()
			.jsonPath("$.errcode")
			.isEqualTo(40125);
		this.client.get()
			.uri("/sns/oauth2/access_token?appid=wxapp1&secret=key-all&grant_type=authorization_code")
			.exchange()
			.expectHeader()
			.valueEquals("X-Wxhub-Reason", "code-missing")
			.expectBody()
			.jsonPath("$.errcode")
			.isEqualTo(41008);
	}

	@Test
	void noTokenServerForACodeExchangeIsA503Problem() {
		this.client.get()
			.uri("/sns/oauth2/access_token?appid=wxapp1&secret=key-all&code=c&grant_type=authorization_code")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:wxhub:problem:token-server-unavailable");
	}

	@Test
	void aUsersCallWithWeChatUnreachableIsA502Problem() {
		this.client.get()
			.uri("/sns/userinfo?access_token=user-token&openid=o1&lang=zh_CN")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:wxhub:problem:upstream-unreachable")
			.jsonPath("$.instance")
			.isEqualTo("/sns/userinfo");
	}

	private String token() {
		return this.proxyTokens.issue("all", "wxapp1", NOW.plusSeconds(60));
	}

	private DisposableServer server(long maxBody) {
		PathRules paths = new PathRules(this.properties);
		Admission admission = new Admission(paths, this.proxyTokens, new ClientDirectory(this.properties),
				(client) -> CompletableFuture.completedFuture(true));
		Audit audit = new Audit(new SimpleMeterRegistry(), this.properties);
		// No token server behind it: every attempt to get a real token fails.
		AccessTokens tokens = new AccessTokens(null, this.properties, this.clock);
		Relay relay = new Relay(this.nowhere, tokens, audit, 2000);
		TicketAnswers tickets = new TicketAnswers(new Tickets(null, this.properties, this.clock), audit, this.clock);
		ForwardRoute route = new ForwardRoute(paths, admission, relay, tickets, audit, maxBody);
		SnsRoute sns = new SnsRoute(new CodeExchangeRelay(admission, new CodeExchanges(null), audit),
				new UserTokenRelay(this.nowhere, audit, Set.of("wxapp1"), 2000), maxBody);
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> sns.apply(route.apply(routes)))
			.bindNow();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.wxhub.domains;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DomainFailoverInterceptorTests {

	private final LocalDomain backup = new LocalDomain();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void stop() {
		this.backup.close();
	}

	@Test
	void aRefusedConnectionMovesTheCallToTheNextDomain() {
		String refusing = LocalDomain.freePort();
		WeChatDomains domains = domains(refusing, this.backup.url());
		String body = client(domains).get().uri("/cgi-bin/token?appid={appid}", "wx1").retrieve().body(String.class);
		assertThat(body).contains("41001");
		assertThat(this.backup.requests()).containsExactly("GET /cgi-bin/token");
		assertThat(this.meters.get("wxhub.wechat.requests")
			.tags("domain", domains.primary().name(), "outcome", "unreachable")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("wxhub.wechat.requests")
			.tags("domain", domains.all().get(1).name(), "outcome", "ok")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void aCallThatTimedOutIsNotSentToAnotherDomain() {
		try (LocalDomain hanging = new LocalDomain()) {
			hanging.hang();
			WeChatDomains domains = domains(hanging.url(), this.backup.url());
			assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(
					() -> client(domains).post().uri("/cgi-bin/stable_token").body("{}").retrieve().toBodilessEntity());
			assertThat(hanging.requests()).containsExactly("POST /cgi-bin/stable_token");
			assertThat(this.backup.requests()).isEmpty();
			assertThat(this.meters.get("wxhub.wechat.requests")
				.tags("domain", domains.primary().name(), "outcome", "timeout")
				.timer()
				.count()).isEqualTo(1);
		}
	}

	private WeChatDomains domains(String... urls) {
		return new WeChatDomains(List.of(urls).stream().map(URI::create).toList(),
				new WeChatDomainsProperties.Failover(Duration.ofSeconds(10), Duration.ofSeconds(1), 10, 3, 50),
				this.meters);
	}

	private static RestClient client(WeChatDomains domains) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		factory.setReadTimeout(Duration.ofMillis(500));
		return RestClient.builder()
			.baseUrl(domains.primary().baseUrl())
			.requestFactory(factory)
			.requestInterceptor(new DomainFailoverInterceptor(domains))
			.build();
	}

}

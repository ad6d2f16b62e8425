package io.wxhub.domains;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainProbeTests {

	@Test
	void anOpenCircuitClosesOnceTheProbeGetsAnAnswer() {
		try (LocalDomain primary = new LocalDomain(); LocalDomain backup = new LocalDomain()) {
			WeChatDomains domains = new WeChatDomains(List.of(URI.create(primary.url()), URI.create(backup.url())),
					new WeChatDomainsProperties.Failover(Duration.ofSeconds(10), Duration.ofSeconds(1), 2, 2, 50),
					new SimpleMeterRegistry());
			domains.primary().record(CallOutcome.UNREACHABLE, 1_000);
			domains.primary().record(CallOutcome.UNREACHABLE, 1_000);
			assertThat(domains.current().isPrimary()).isFalse();
			try (DomainProbe probe = new DomainProbe(domains, Duration.ofSeconds(1))) {
				probe.probeOpenCircuits();
			}
			assertThat(primary.requests()).containsExactly("GET /cgi-bin/get_api_domain_ip");
			assertThat(backup.requests()).as("a closed circuit is not probed").isEmpty();
			assertThat(domains.current().isPrimary()).isTrue();
		}
	}

	@Test
	void aDomainThatStillRefusesStaysOpen() {
		WeChatDomains domains = new WeChatDomains(
				List.of(URI.create(LocalDomain.freePort()), URI.create("http://127.0.0.1:9")),
				new WeChatDomainsProperties.Failover(Duration.ofSeconds(10), Duration.ofSeconds(1), 2, 2, 50),
				new SimpleMeterRegistry());
		domains.primary().record(CallOutcome.SERVER_ERROR, 1_000);
		domains.primary().record(CallOutcome.SERVER_ERROR, 1_000);
		try (DomainProbe probe = new DomainProbe(domains, Duration.ofSeconds(1))) {
			probe.probeOpenCircuits();
		}
		assertThat(domains.primary().isAvailable()).isFalse();
		assertThat(domains.current().index()).isEqualTo(1);
	}

}

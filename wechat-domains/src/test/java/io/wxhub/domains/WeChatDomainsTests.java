package io.wxhub.domains;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatDomainsTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final WeChatDomains domains = new WeChatDomains(
			List.of(URI.create("https://api.weixin.qq.com"), URI.create("https://api2.weixin.qq.com/"),
					URI.create("http://127.0.0.1:8091")),
			new WeChatDomainsProperties.Failover(Duration.ofSeconds(10), Duration.ofSeconds(1), 4, 2, 50), this.meters);

	private final WeChatDomain primary = this.domains.all().get(0);

	private final WeChatDomain api2 = this.domains.all().get(1);

	private final WeChatDomain local = this.domains.all().get(2);

	@Test
	void callsGoToThePrimaryWhileItWorks() {
		this.primary.record(CallOutcome.OK, 1_000);
		this.primary.record(CallOutcome.OK, 1_000);
		assertThat(this.domains.current()).isSameAs(this.primary);
		assertThat(this.primary.baseUrl()).isEqualTo("https://api.weixin.qq.com");
		assertThat(this.api2.baseUrl()).isEqualTo("https://api2.weixin.qq.com");
		assertThat(this.local.name()).isEqualTo("127.0.0.1:8091");
	}

	@Test
	void failuresOpenTheCircuitAndMoveCallsToTheNextDomain() {
		this.primary.record(CallOutcome.UNREACHABLE, 1_000);
		assertThat(this.domains.current()).as("below the minimum number of calls").isSameAs(this.primary);
		this.primary.record(CallOutcome.SERVER_ERROR, 1_000);
		assertThat(this.domains.current()).isSameAs(this.api2);
		assertThat(switches("api.weixin.qq.com", "api2.weixin.qq.com")).isEqualTo(1);
		assertThat(this.meters.get("wxhub.wechat.domain.active").tag("domain", "api2.weixin.qq.com").gauge().value())
			.isEqualTo(1);
	}

	@Test
	void aSuccessfulMinorityDoesNotOpenTheCircuit() {
		this.primary.record(CallOutcome.OK, 1_000);
		this.primary.record(CallOutcome.OK, 1_000);
		this.primary.record(CallOutcome.TIMEOUT, 1_000);
		this.primary.record(CallOutcome.OK, 1_000);
		assertThat(this.domains.current()).isSameAs(this.primary);
	}

	@Test
	void onlyTheProbeClosesAnOpenCircuit() {
		assertThat(onBackup()).isZero();
		open(this.primary);
		assertThat(onBackup()).isOne();
		this.primary.record(CallOutcome.OK, 1_000);
		this.primary.record(CallOutcome.OK, 1_000);
		assertThat(this.domains.current()).as("user calls do not close it").isSameAs(this.api2);
		this.primary.closeCircuit();
		assertThat(this.domains.current()).isSameAs(this.primary);
		assertThat(switches("api2.weixin.qq.com", "api.weixin.qq.com")).isEqualTo(1);
		assertThat(onBackup()).isZero();
	}

	@Test
	void theNextUntriedDomainPrefersClosedCircuits() {
		open(this.api2);
		assertThat(this.domains.next(bit(this.primary))).isSameAs(this.local);
		assertThat(this.domains.next(bit(this.primary) | bit(this.local))).as("an open one rather than none")
			.isSameAs(this.api2);
		assertThat(this.domains.next(bit(this.primary) | bit(this.api2) | bit(this.local))).isNull();
	}

	@Test
	void withEveryCircuitOpenCallsGoToThePrimary() {
		open(this.primary);
		open(this.api2);
		assertThat(this.domains.current()).isSameAs(this.local);
		open(this.local);
		assertThat(this.domains.current()).isSameAs(this.primary);
		this.api2.closeCircuit();
		assertThat(this.domains.current()).isSameAs(this.api2);
	}

	@Test
	void everyCallIsTimedPerDomainAndOutcome() {
		this.api2.record(CallOutcome.TIMEOUT, 5_000_000);
		assertThat(this.meters.get("wxhub.wechat.requests")
			.tags("domain", "api2.weixin.qq.com", "outcome", "timeout")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.find("wxhub.wechat.requests").timers()).hasSize(3 * CallOutcome.values().length);
	}

	private double onBackup() {
		return this.meters.get("wxhub.wechat.domain.backup").gauge().value();
	}

	private double switches(String from, String to) {
		return this.meters.get("wxhub.wechat.domain.switches").tags("from", from, "to", to).counter().count();
	}

	private static void open(WeChatDomain domain) {
		domain.record(CallOutcome.UNREACHABLE, 1_000);
		domain.record(CallOutcome.UNREACHABLE, 1_000);
		assertThat(domain.isAvailable()).isFalse();
	}

	private static int bit(WeChatDomain domain) {
		return 1 << domain.index();
	}

}

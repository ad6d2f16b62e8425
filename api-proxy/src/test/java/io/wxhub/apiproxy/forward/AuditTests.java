package io.wxhub.apiproxy.forward;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.apiproxy.TestProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy's request timer: its series from start-up, and a call's sample. */
class AuditTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final Audit audit = new Audit(this.meters, TestProperties.withClients());

	@Test
	void everyClientsFailuresExistAtZeroForEachOfItsAppsFromTheStart() {
		assertThat(this.meters.find("wxhub.proxy.requests").timers())
			.extracting((timer) -> timer.getId().getTag("client") + "/" + timer.getId().getTag("app"))
			.containsExactlyInAnyOrder("all/wxapp1", "all/wxapp2", "limited/wxapp1");
		assertThat(this.meters.find("wxhub.proxy.requests").timers()).allSatisfy((timer) -> {
			assertThat(timer.getId().getTag("outcome")).isEqualTo("failed");
			assertThat(timer.getId().getTag("api")).isEqualTo(Audit.OTHER_API);
			assertThat(timer.count()).isZero();
		});
	}

	@Test
	void aFailedCallCountsInItsApisSeries() {
		this.audit.record("all", "wxapp2", "/cgi-bin/menu/get", "GET", Audit.FAILED, -1, 504, false, System.nanoTime());
		Timer failed = this.meters.get("wxhub.proxy.requests")
			.tags("client", "all", "app", "wxapp2", "api", "/cgi-bin/menu/get", "outcome", "failed")
			.timer();
		assertThat(failed.count()).isOne();
		assertThat(this.meters.get("wxhub.proxy.requests")
			.tags("client", "all", "app", "wxapp2", "api", Audit.OTHER_API)
			.timer()
			.count()).isZero();
	}

}

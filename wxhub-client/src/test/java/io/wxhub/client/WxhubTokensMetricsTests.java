package io.wxhub.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The client's meters in a Micrometer registry. */
class WxhubTokensMetricsTests {

	private final StubTokenServer server = new StubTokenServer();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void requestsCacheReadsAndFailoversAreCounted() {
		this.server
			.answer("/v1/apps/wx1/access-token",
					() -> StubTokenServer.token("T", Instant.now().plusSeconds(7200), 7200))
			.answer("/v1/apps/wx2/access-token", () -> StubTokenServer.problem(403, "forbidden",
					"App not allowed for this client", "no", null, Map.of()));
		WxhubTokens tokens = WxhubTokens.builder()
			.urls(List.of(StubTokenServer.deadUrl(), this.server.url()))
			.clientKey("k")
			.meterRegistry(this.meters)
			.build();
		for (int i = 0; i < 3; i++) {
			tokens.accessToken("wx1");
		}
		assertThatExceptionOfType(WxhubTokenException.class).isThrownBy(() -> tokens.accessToken("wx2"));
		assertThat(this.meters.get("wxhub.client.requests")
			.tags("kind", "access-token", "outcome", "success")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("wxhub.client.requests")
			.tags("kind", "access-token", "outcome", "refused")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("wxhub.client.cache.gets")
			.tags("kind", "access-token", "result", "hit")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.meters.get("wxhub.client.cache.gets")
			.tags("kind", "access-token", "result", "miss")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.meters.get("wxhub.client.failovers").tags("kind", "access-token").counter().count())
			.isEqualTo(1);
	}

	@Test
	void onlyAMeterRegistryIsAccepted() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> WxhubTokens.builder().urls(List.of("http://x")).clientKey("k").meterRegistry("no").build());
	}

}

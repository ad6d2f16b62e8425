package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.util.List;

import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import io.wxhub.tokenserver.system.TokenServerProperties.Client;
import io.wxhub.tokenserver.system.TokenServerProperties.Lock;
import io.wxhub.tokenserver.system.TokenServerProperties.Mode;
import io.wxhub.tokenserver.system.TokenServerProperties.Upstream;

/** Token-server settings of the unit tests: one app, one client, short backoffs. */
final class TestProperties {

	static final String APP = "wx00000000unit0001";

	static final String OTHER_APP = "wx00000000unit0002";

	static final String CLIENT_KEY = "unit-test-client-key-0123456789abcdef";

	private TestProperties() {
	}

	static TokenServerProperties with(int dailyBudget, Duration minForcedInterval) {
		return new TokenServerProperties(
				List.of(new App(APP, "0123456789abcdef0123456789abcdef", Mode.CLASSIC),
						new App(OTHER_APP, "fedcba9876543210fedcba9876543210", Mode.CLASSIC)),
				List.of(new Client("unit", CLIENT_KEY, List.of(APP))), Duration.ofMinutes(10), dailyBudget,
				minForcedInterval, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1),
				Duration.ofSeconds(60), "unit",
				new Upstream(Duration.ofSeconds(1), 4, Duration.ofMillis(1), Duration.ofMillis(2),
						Duration.ofSeconds(5), Duration.ofMinutes(5)),
				new Lock(Duration.ofSeconds(5), Duration.ofSeconds(30)));
	}

	static TokenServerProperties defaults() {
		return with(2000, Duration.ofSeconds(30));
	}

}

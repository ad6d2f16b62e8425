package io.wxhub.tokenserver.token;

import java.time.Instant;
import java.util.Collection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.protocol.error.WeChatError;
import io.wxhub.tokenserver.system.TokenServerProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshFailureMetricsTests {

	private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	private final TokenServerProperties properties = TestProperties.defaults();

	private final InMemoryTokenStore store = new InMemoryTokenStore(this.properties);

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final RefreshFailureMetrics metrics = new RefreshFailureMetrics(this.meters, this.store, this.properties);

	private final TokenKey token = new TokenKey(TestProperties.APP, TokenKind.ACCESS_TOKEN);

	@Test
	void everySeriesExistsAtZeroFromTheStart() {
		for (String app : new String[] { TestProperties.APP, TestProperties.OTHER_APP }) {
			for (TokenKind kind : TokenKind.values()) {
				for (String reason : new String[] { "transient", "configuration", "quota_exhausted",
						"budget_exhausted" }) {
					assertThat(failing(app, kind, reason)).as(app + " " + kind + " " + reason).isZero();
				}
				assertThat(errcode(app, kind)).isZero();
			}
			assertThat(this.meters.get("wxhub.token.whitelist.missing").tag("app", app).gauges()).singleElement()
				.satisfies((gauge) -> {
					assertThat(gauge.getId().getTag("ip")).isEqualTo(RefreshFailureMetrics.NO_IP);
					assertThat(gauge.value()).isZero();
				});
		}
	}

	@Test
	void showsTheSharedFailureByReasonWithItsErrcodeUntilARefreshSucceeds() {
		this.store.writeFailure(this.token, refused(40125, "invalid appsecret, rid: 1"), NOW);
		this.metrics.update();
		assertThat(failing(TestProperties.APP, TokenKind.ACCESS_TOKEN, "configuration")).isOne();
		assertThat(failing(TestProperties.APP, TokenKind.ACCESS_TOKEN, "transient")).isZero();
		assertThat(errcode(TestProperties.APP, TokenKind.ACCESS_TOKEN)).isEqualTo(40125);
		assertThat(failing(TestProperties.OTHER_APP, TokenKind.ACCESS_TOKEN, "configuration")).isZero();

		this.store.writeFailure(this.token, refused(45009, "reach max api daily quota limit rid: 2"), NOW);
		this.metrics.update();
		assertThat(failing(TestProperties.APP, TokenKind.ACCESS_TOKEN, "configuration")).isZero();
		assertThat(failing(TestProperties.APP, TokenKind.ACCESS_TOKEN, "quota_exhausted")).isOne();

		this.store.writeFailure(this.token, RefreshFailure.budgetExhausted("daily refresh budget exhausted", NOW), NOW);
		this.metrics.update();
		assertThat(failing(TestProperties.APP, TokenKind.ACCESS_TOKEN, "quota_exhausted")).isZero();
		assertThat(failing(TestProperties.APP, TokenKind.ACCESS_TOKEN, "budget_exhausted")).isOne();

		this.store.clearFailure(this.token);
		this.metrics.update();
		assertThat(failing(TestProperties.APP, TokenKind.ACCESS_TOKEN, "budget_exhausted")).isZero();
		assertThat(errcode(TestProperties.APP, TokenKind.ACCESS_TOKEN)).isZero();
	}

	@Test
	void namesTheAddressToWhitelistWhileWeChatRefusesIt() {
		this.store.writeFailure(this.token, refused(40164,
				"invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: 611740a4-27f9a8ba"), NOW);
		this.metrics.update();
		assertThat(whitelist(TestProperties.APP)).singleElement().satisfies((gauge) -> {
			assertThat(gauge.getId().getTag("ip")).isEqualTo("218.58.124.130");
			assertThat(gauge.value()).isOne();
		});
		assertThat(whitelist(TestProperties.OTHER_APP)).singleElement()
			.satisfies((gauge) -> assertThat(gauge.getId().getTag("ip")).isEqualTo(RefreshFailureMetrics.NO_IP));

		// fixed: the address leaves the registry, the placeholder is back at 0
		this.store.clearFailure(this.token);
		this.metrics.update();
		assertThat(whitelist(TestProperties.APP)).singleElement().satisfies((gauge) -> {
			assertThat(gauge.getId().getTag("ip")).isEqualTo(RefreshFailureMetrics.NO_IP);
			assertThat(gauge.value()).isZero();
		});
	}

	@Test
	void keepsTheLastKnownStateWhileRedisIsDown() {
		this.store.writeFailure(this.token, refused(40013, "invalid appid rid: 3"), NOW);
		this.metrics.update();
		this.store.goDown();
		this.metrics.update();
		assertThat(errcode(TestProperties.APP, TokenKind.ACCESS_TOKEN)).isEqualTo(40013);
	}

	@Test
	void takesOnlyAnAddressLiteralFromWeChatsMessage() {
		assertThat(RefreshFailureMetrics.ipToWhitelist(
				new WeChatError(40164, "invalid ip 2408:8207:1234::5 ipv6 2408:8207:1234::5, not in whitelist rid: x")))
			.contains("2408:8207:1234::5");
		assertThat(RefreshFailureMetrics.ipToWhitelist(new WeChatError(40164, "invalid ip, not in whitelist")))
			.isEmpty();
		assertThat(
				RefreshFailureMetrics.ipToWhitelist(new WeChatError(40164, "invalid ip 999.1.1.1, not in whitelist")))
			.isEmpty();
		assertThat(RefreshFailureMetrics.ipToWhitelist(new WeChatError(40164, "invalid ip <script>, not in whitelist")))
			.isEmpty();
		assertThat(RefreshFailureMetrics.ipToWhitelist(new WeChatError(40125, "invalid ip 1.2.3.4, whatever")))
			.isEmpty();
	}

	private static RefreshFailure refused(int errcode, String errmsg) {
		return RefreshFailure.refused(new WeChatError(errcode, errmsg), NOW, TestProperties.defaults().upstream());
	}

	private double failing(String app, TokenKind kind, String reason) {
		return this.meters.get("wxhub.token.refresh.failing")
			.tags("app", app, "kind", kind.key(), "reason", reason)
			.gauge()
			.value();
	}

	private double errcode(String app, TokenKind kind) {
		return this.meters.get("wxhub.token.refresh.errcode").tags("app", app, "kind", kind.key()).gauge().value();
	}

	private Collection<Gauge> whitelist(String app) {
		return this.meters.find("wxhub.token.whitelist.missing").tag("app", app).gauges();
	}

}

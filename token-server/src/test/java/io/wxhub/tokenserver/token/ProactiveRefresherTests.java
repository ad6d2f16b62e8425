package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.tokenserver.system.TokenServerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.wxhub.tokenserver.token.TestProperties.APP;
import static io.wxhub.tokenserver.token.TestProperties.OTHER_APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProactiveRefresher#checkAll()}: every app's access token is fetched and kept
 * fresh; a ticket of any kind only once some caller has asked for it.
 */
class ProactiveRefresherTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

	private final TokenServerProperties properties = TestProperties.defaults();

	private final InMemoryTokenStore store = new InMemoryTokenStore(this.properties);

	private final ScriptedWeChat wechat = new ScriptedWeChat(this.properties);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TokenRefresher refresher = new TokenRefresher(this.store,
			new UpstreamFetcher(this.wechat, this.store, this.properties, this.meters, this.clock),
			this.wechat.livenessCheck(this.properties, this.meters, this.clock), this.properties, this.meters,
			this.clock);

	private final TokenService tokens = new TokenService(this.store, this.refresher, this.properties, this.clock);

	private final ProactiveRefresher proactive = new ProactiveRefresher(this.store, this.refresher, this.tokens,
			this.properties, this.clock);

	@AfterEach
	void stop() {
		this.tokens.stop();
	}

	@Test
	void fetchesEveryAppsAccessTokenButNoTicketNobodyAskedFor() {
		this.proactive.checkAll();
		assertThat(this.wechat.calls()).containsExactly("token", "token");
		assertThat(this.store.read(new TokenKey(APP, TokenKind.ACCESS_TOKEN))).isNotNull();
		assertThat(this.store.read(new TokenKey(OTHER_APP, TokenKind.ACCESS_TOKEN))).isNotNull();
		for (TokenKind kind : TokenKind.values()) {
			if (kind.isTicket()) {
				assertThat(this.store.read(new TokenKey(APP, kind))).isNull();
			}
		}
	}

	@Test
	void keepsEveryTicketKindFreshOnceAskedFor() {
		this.proactive.checkAll();
		StoredToken card = this.refresher.refresh(new TokenKey(APP, TokenKind.WX_CARD_TICKET), RefreshTrigger.LAZY,
				null);
		StoredToken jsapi = this.refresher.refresh(new TokenKey(APP, TokenKind.JSAPI_TICKET), RefreshTrigger.LAZY,
				null);
		int calls = this.wechat.calls().size();
		this.proactive.checkAll();
		assertThat(this.wechat.calls()).hasSize(calls);

		this.clock.set(card.refreshAt().plus(Duration.ofSeconds(1)));
		this.proactive.checkAll();
		assertThat(this.store.read(new TokenKey(APP, TokenKind.WX_CARD_TICKET))).isNotEqualTo(card);
		assertThat(this.store.read(new TokenKey(APP, TokenKind.JSAPI_TICKET))).isNotEqualTo(jsapi);
		// Due together with the access token, which is refreshed too and used for both.
		assertThat(this.wechat.calls().subList(calls, this.wechat.calls().size())).containsExactlyInAnyOrder("token",
				"ticket:jsapi:at-5", "ticket:wx_card:at-5", "token");
	}

}

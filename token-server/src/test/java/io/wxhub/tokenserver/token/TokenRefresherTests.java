package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.protocol.error.WeChatError;
import io.wxhub.tokenserver.system.TokenServerProperties;
import org.junit.jupiter.api.Test;

import static io.wxhub.tokenserver.token.TestProperties.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link TokenRefresher} and {@link UpstreamFetcher} against a scripted WeChat, an
 * in-memory store and a clock the test moves: when WeChat is called, and what blocks it.
 */
class TokenRefresherTests {

	/** 23:30 in China: WeChat's day ends half an hour later. */
	private static final Instant T0 = Instant.parse("2026-03-01T15:30:00Z");

	private static final Instant CHINA_MIDNIGHT = Instant.parse("2026-03-01T16:00:00Z");

	private static final TokenKey ACCESS_TOKEN = new TokenKey(APP, TokenKind.ACCESS_TOKEN);

	private final MutableClock clock = new MutableClock(T0);

	private InMemoryTokenStore store;

	private ScriptedWeChat wechat;

	private TokenRefresher refresher;

	private void start(TokenServerProperties properties) {
		this.store = new InMemoryTokenStore(properties);
		this.wechat = new ScriptedWeChat(properties);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		UpstreamFetcher fetcher = new UpstreamFetcher(this.wechat, this.store, properties, meters, this.clock);
		this.refresher = new TokenRefresher(this.store, fetcher, properties, meters, this.clock);
	}

	@Test
	void fetchesAMissingTokenOnceAndServesTheStoredOneWhileItIsNotDue() {
		start(TestProperties.defaults());
		StoredToken first = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null);
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.PROACTIVE, null)).isEqualTo(first);
		assertThat(this.wechat.calls()).containsExactly("token");
		// WeChat's 7200 s, less the 60 s margin; due 10 minutes before that.
		assertThat(first.expiresAt()).isEqualTo(T0.plusSeconds(7140));
		assertThat(first.refreshAt()).isEqualTo(T0.plusSeconds(7140 - 600));
	}

	@Test
	void aForcedRefreshOfATokenYoungerThanTheMinimumIntervalIsRefused() {
		start(TestProperties.with(2000, Duration.ofSeconds(30)));
		String rejected = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null).value();
		this.clock.advance(Duration.ofSeconds(10));
		NoValidTokenException refused = catchThrowableOfType(NoValidTokenException.class,
				() -> this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, rejected));
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
		assertThat(refused.weChatError()).isEmpty();
		assertThat(this.wechat.calls()).containsExactly("token");

		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, rejected).value())
			.isNotEqualTo(rejected);
		assertThat(this.wechat.calls()).containsExactly("token", "token");
	}

	@Test
	void theDailyBudgetStopsCallsUntilMidnightChinaTime() {
		start(TestProperties.with(2, Duration.ZERO));
		String first = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null).value();
		String second = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, first).value();
		NoValidTokenException spent = catchThrowableOfType(NoValidTokenException.class,
				() -> this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, second));
		assertThat(spent.weChatError()).hasValueSatisfying((error) -> assertThat(error.errcode()).isEqualTo(45009));
		assertThat(spent.retryAfter()).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.store.readFailure(ACCESS_TOKEN).kind()).isEqualTo(RefreshFailure.Kind.BUDGET_EXHAUSTED);
		assertThat(this.store.readFailure(ACCESS_TOKEN).blockedUntil()).isEqualTo(CHINA_MIDNIGHT);
		assertThat(this.wechat.calls()).hasSize(2);

		this.clock.set(CHINA_MIDNIGHT.minusSeconds(1));
		catchThrowableOfType(NoValidTokenException.class,
				() -> this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, second));
		assertThat(this.wechat.calls()).hasSize(2);

		this.clock.set(CHINA_MIDNIGHT);
		assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, second).value()).isNotEqualTo(second);
		assertThat(this.wechat.calls()).hasSize(3);
		assertThat(this.store.readFailure(ACCESS_TOKEN)).isNull();
	}

	@Test
	void weChatsQuotaErrorStopsCallsUntilMidnightChinaTime() {
		start(TestProperties.defaults());
		this.wechat.refuseNext(new WeChatError(45009, "reach max api daily quota limit rid: 1"));
		NoValidTokenException refused = catchThrowableOfType(NoValidTokenException.class,
				() -> this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null));
		assertThat(refused.weChatError()).contains(new WeChatError(45009, "reach max api daily quota limit rid: 1"));
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.store.readFailure(ACCESS_TOKEN).kind()).isEqualTo(RefreshFailure.Kind.QUOTA_EXHAUSTED);

		this.clock.set(CHINA_MIDNIGHT.minusMillis(1));
		catchThrowableOfType(NoValidTokenException.class,
				() -> this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null));
		assertThat(this.wechat.calls()).hasSize(1);

		this.clock.set(CHINA_MIDNIGHT);
		assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null).value()).isNotBlank();
		assertThat(this.wechat.calls()).hasSize(2);
	}

	@Test
	void aConfigurationErrorKeepsTheCurrentTokenServedAndIsNotRetried() {
		start(TestProperties.defaults());
		StoredToken current = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null);
		this.clock.set(current.refreshAt());
		this.wechat.refuseNext(new WeChatError(40125, "invalid appsecret, rid: 1"));
		assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.PROACTIVE, null)).isEqualTo(current);
		assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.PROACTIVE, null)).isEqualTo(current);
		assertThat(this.wechat.calls()).hasSize(2);
		RefreshFailure failure = this.store.readFailure(ACCESS_TOKEN);
		assertThat(failure.kind()).isEqualTo(RefreshFailure.Kind.CONFIGURATION);
		assertThat(failure.blockedUntil()).isEqualTo(current.refreshAt().plus(Duration.ofMinutes(5)));
		// A caller whose token WeChat rejected gets the refusal, not the rejected token.
		NoValidTokenException refused = catchThrowableOfType(NoValidTokenException.class,
				() -> this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, current.value()));
		assertThat(refused.weChatError()).hasValueSatisfying((error) -> assertThat(error.errcode()).isEqualTo(40125));
	}

	@Test
	void systemErrorsAreRetriedWithinOneRefresh() {
		start(TestProperties.defaults());
		this.wechat.refuseNext(WeChatError.systemError("HTTP 502"), new WeChatError(-1, "system error"));
		assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null).value()).isNotBlank();
		assertThat(this.wechat.calls()).containsExactly("token", "token", "token");
		assertThat(this.store.readFailure(ACCESS_TOKEN)).isNull();
	}

	@Test
	void eachTicketKindAsksWeChatForItsOwnTicketTypeWithTheAccessToken() {
		start(TestProperties.defaults());
		StoredToken jsapi = this.refresher.refresh(new TokenKey(APP, TokenKind.JSAPI_TICKET), RefreshTrigger.LAZY,
				null);
		StoredToken card = this.refresher.refresh(new TokenKey(APP, TokenKind.WX_CARD_TICKET), RefreshTrigger.LAZY,
				null);
		assertThat(this.wechat.calls()).containsExactly("token", "ticket:jsapi:at-1", "ticket:wx_card:at-1");
		assertThat(jsapi.value()).startsWith("jsapi-");
		assertThat(card.value()).startsWith("wx_card-");
	}

	@Test
	void aTicketRefusedForARotatedAccessTokenRefreshesThatTokenAndRetriesOnce() {
		start(TestProperties.with(2000, Duration.ZERO));
		this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null);
		this.wechat.refuseNext(new WeChatError(40001, "invalid credential rid: 1"));
		StoredToken ticket = this.refresher.refresh(new TokenKey(APP, TokenKind.WX_CARD_TICKET), RefreshTrigger.LAZY,
				null);
		assertThat(ticket.value()).startsWith("wx_card-");
		assertThat(this.wechat.calls()).containsExactly("token", "ticket:wx_card:at-1", "token", "ticket:wx_card:at-2");
	}

}

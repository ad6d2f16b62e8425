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

	private InMemoryRotationStore rotations;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private void start(TokenServerProperties properties) {
		this.store = new InMemoryTokenStore(properties);
		this.wechat = new ScriptedWeChat(properties);
		this.rotations = new InMemoryRotationStore(properties);
		UpstreamFetcher fetcher = new UpstreamFetcher(this.wechat, this.store, properties, this.meters, this.clock);
		LivenessCheck liveness = new LivenessCheck(this.wechat, this.rotations,
				new ForeignRotations(this.meters, this.rotations, properties), properties, this.meters, this.clock);
		this.refresher = new TokenRefresher(this.store, fetcher, liveness, properties, this.meters, this.clock);
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
	void aLiveTokenReportedAsRejectedIsAnsweredAndNeverRefreshedWithOneCheckPerWindow() {
		start(TestProperties.with(2000, Duration.ZERO));
		StoredToken current = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null);
		for (int i = 0; i < 100; i++) {
			assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, current.value())).isEqualTo(current);
			this.clock.advance(Duration.ofMillis(100));
		}
		assertThat(this.wechat.calls()).containsExactly("token");
		// 10 s of rejections, a 5 s window: WeChat was asked at 0 s and at 5 s.
		assertThat(this.wechat.checks()).containsExactly(current.value(), current.value());
		assertThat(foreignRotations()).isZero();
	}

	@Test
	void aTokenDeadBeforeItsExpiryIsRefreshedOnceAndReportedAsAForeignRotation() {
		start(TestProperties.defaults());
		String rotated = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null).value();
		this.clock.advance(Duration.ofSeconds(3));
		this.wechat.kill(rotated);
		StoredToken fresh = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, rotated);
		assertThat(fresh.value()).isNotEqualTo(rotated);
		// Reported again by late callers: they get the new token, WeChat is not asked.
		for (int i = 0; i < 10; i++) {
			assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, rotated)).isEqualTo(fresh);
		}
		assertThat(this.wechat.calls()).containsExactly("token", "token");
		assertThat(this.wechat.checks()).containsExactly(rotated);
		assertThat(foreignRotations()).isEqualTo(1);
		assertThat(this.rotations.lastForeignRotation(APP)).isEqualTo(T0.plusSeconds(3));
	}

	@Test
	void whenWeChatCannotTellATokenYoungerThanTheMinimumIntervalIsNotRefreshed() {
		start(TestProperties.with(2000, Duration.ofSeconds(30)));
		String rejected = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null).value();
		this.clock.advance(Duration.ofSeconds(10));
		this.wechat.refuseNextChecks(WeChatError.systemError("HTTP 502"));
		NoValidTokenException refused = catchThrowableOfType(NoValidTokenException.class,
				() -> this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, rejected));
		// Worth asking again once the liveness-check window has passed.
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));
		assertThat(refused.weChatError()).isEmpty();
		assertThat(this.wechat.calls()).containsExactly("token");

		this.clock.advance(Duration.ofSeconds(20));
		this.wechat.refuseNextChecks(WeChatError.systemError("HTTP 502"));
		assertThat(this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, rejected).value())
			.isNotEqualTo(rejected);
		assertThat(this.wechat.calls()).containsExactly("token", "token");
		assertThat(foreignRotations()).isZero();
	}

	@Test
	void theDailyBudgetStopsCallsUntilMidnightChinaTime() {
		start(TestProperties.with(2, Duration.ZERO));
		String first = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.LAZY, null).value();
		this.wechat.kill(first);
		String second = this.refresher.refresh(ACCESS_TOKEN, RefreshTrigger.FORCED, first).value();
		this.wechat.kill(second);
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
		this.wechat.kill(current.value());
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
		this.wechat.kill("at-1");
		StoredToken ticket = this.refresher.refresh(new TokenKey(APP, TokenKind.WX_CARD_TICKET), RefreshTrigger.LAZY,
				null);
		assertThat(ticket.value()).startsWith("wx_card-");
		assertThat(this.wechat.calls()).containsExactly("token", "ticket:wx_card:at-1", "token", "ticket:wx_card:at-2");
	}

	private double foreignRotations() {
		return this.meters.counter("wxhub.token.foreign.rotations", "app", APP).count();
	}

}

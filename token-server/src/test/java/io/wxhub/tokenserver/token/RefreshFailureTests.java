package io.wxhub.tokenserver.token;

import java.time.Instant;

import io.wxhub.protocol.error.WeChatError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshFailureTests {

	private static final Instant NOW = Instant.parse("2026-03-01T15:30:00Z");

	@Test
	void keepsItsRedisFormAndSurvivesIt() {
		RefreshFailure failure = RefreshFailure.refused(new WeChatError(40125, "invalid appsecret, rid: a|b"), NOW,
				TestProperties.defaults().upstream());
		assertThat(failure.serialize()).isEqualTo("40125|CONFIGURATION|" + NOW.toEpochMilli() + "|"
				+ NOW.plusSeconds(300).toEpochMilli() + "|invalid appsecret, rid: a|b");
		assertThat(RefreshFailure.deserialize(failure.serialize())).isEqualTo(failure);
		assertThat(RefreshFailure.deserialize(null)).isNull();
	}

	@Test
	void classifiesWeChatsRefusal() {
		var upstream = TestProperties.defaults().upstream();
		assertThat(RefreshFailure.refused(WeChatError.systemError("HTTP 502"), NOW, upstream).kind())
			.isEqualTo(RefreshFailure.Kind.TRANSIENT);
		assertThat(RefreshFailure.refused(new WeChatError(45009, "reach max api daily quota limit"), NOW, upstream))
			.satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(RefreshFailure.Kind.QUOTA_EXHAUSTED);
				assertThat(failure.blockedUntil()).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
			});
		assertThat(RefreshFailure.budgetExhausted("daily refresh budget exhausted", NOW).error().errcode())
			.isEqualTo(45009);
	}

}

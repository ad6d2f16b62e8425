package io.wxhub.tokenserver.token;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTokenTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final StoredToken token = new StoredToken("tok|with-pipe", T0, T0.plusSeconds(7140), T0.plusSeconds(6540));

	@Test
	void survivesItsRedisForm() {
		assertThat(StoredToken.deserialize(this.token.serialize())).isEqualTo(this.token);
		assertThat(StoredToken.deserialize(null)).isNull();
	}

	@Test
	void usableUntilExpiryAndDueFromRefreshAt() {
		assertThat(this.token.usableAt(T0.plusSeconds(7139))).isTrue();
		assertThat(this.token.usableAt(T0.plusSeconds(7140))).isFalse();
		assertThat(this.token.refreshDueAt(T0.plusSeconds(6539))).isFalse();
		assertThat(this.token.refreshDueAt(T0.plusSeconds(6540))).isTrue();
		assertThat(this.token.secondsLeftAt(T0.plusSeconds(7000))).isEqualTo(140);
		assertThat(this.token.secondsLeftAt(T0.plusSeconds(8000))).isZero();
	}

	@Test
	void neverShowsTheValue() {
		assertThat(this.token.toString()).doesNotContain("tok");
	}

}

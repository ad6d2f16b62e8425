package io.wxhub.protocol.signature;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Nonces}.
 */
class NoncesTests {

	@Test
	void nextIsSixteenAlphanumericCharacters() {
		assertThat(Nonces.next()).hasSize(16).matches("[A-Za-z0-9]{16}");
	}

	@Test
	void noncesDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			seen.add(Nonces.next());
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void alphanumericHonoursLengthAndRejectsZero() {
		assertThat(Nonces.alphanumeric(32)).matches("[A-Za-z0-9]{32}");
		assertThatIllegalArgumentException().isThrownBy(() -> Nonces.alphanumeric(0));
	}

}

package io.wxhub.webauth.keys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state: what WeChat allows ({@code [a-zA-Z0-9]}, at most 128 bytes), recognised only
 * when this key made it.
 */
class StateSignerTests {

	static final String KEY = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"t1\",\"x\":\"hlHfhyuzIkL-7WMPWCsI75AsIYC89sWwGZHFGkOS4l4\","
			+ "\"y\":\"RFydIEUhKJI9ww8Da6BuNV34sX0NK0LAx3WogDX1il0\",\"d\":\"rYAeq_p1hEEfmNLyaQB0lnWlLDkvbYENjaZAboaHf9Q\"}";

	private final StateSigner signer = new StateSigner(SigningKeys.fromJwk(KEY));

	@Test
	void aStateFitsWeChatsRulesAndNamesItsNonce() {
		String state = this.signer.newState();
		assertThat(state).matches("[a-zA-Z0-9]{1,128}");
		assertThat(this.signer.nonceOf(state)).contains(state.substring(0, 32));
		assertThat(this.signer.newState()).isNotEqualTo(state);
	}

	@Test
	void aTamperedOrForeignStateIsNotRecognised() {
		String state = this.signer.newState();
		char last = state.charAt(63);
		String tampered = state.substring(0, 63) + ((last == '0') ? '1' : '0');
		assertThat(this.signer.nonceOf(tampered)).isEmpty();
		String otherNonce = ((state.charAt(0) == 'a') ? "b" : "a") + state.substring(1);
		assertThat(this.signer.nonceOf(otherNonce)).isEmpty();
		assertThat(this.signer.nonceOf(null)).isEmpty();
		assertThat(this.signer.nonceOf("")).isEmpty();
		assertThat(this.signer.nonceOf(state.toUpperCase())).isEmpty();
		assertThat(this.signer.nonceOf(state + "0")).isEmpty();
	}

	@Test
	void aKeyThatCannotSignIsRefusedWithoutShowingIt() {
		String publicOnly = KEY.replaceAll(",\"d\":\"[^\"]+\"", "");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKeys.fromJwk(publicOnly))
			.withMessageNotContaining("hlHf");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKeys.fromJwk("not json"))
			.withMessageContaining("web-auth.signing-key");
	}

}

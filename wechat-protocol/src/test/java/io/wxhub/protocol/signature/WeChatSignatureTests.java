package io.wxhub.protocol.signature;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link WeChatSignature}.
 */
class WeChatSignatureTests {

	@Test
	void signsOfficialUrlVerificationVector() {
		assertThat(WeChatSignature.sign("AAAAA", "1714036504", "1514711492"))
			.isEqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696");
		assertThat(
				WeChatSignature.verify("f464b24fc39322e44b38aa78f5edd27bd1441696", "AAAAA", "1714036504", "1514711492"))
			.isTrue();
	}

	@Test
	void signsSortedJoinOfTheParts() {
		assertThat(WeChatSignature.sign("AAAAA", "1714036504", "1514711492"))
			.isEqualTo(Sha1.hex("15147114921714036504AAAAA"));
	}

	@Test
	void signsOfficialPlaintextPushVector() {
		assertThat(WeChatSignature.sign("AAAAA", "1714037059", "486452656"))
			.isEqualTo("899cf89e464efb63f54ddac96b0a0a235f53aa78");
	}

	@Test
	void signsOfficialEncryptedPushSignatures() {
		String encrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";
		assertThat(
				WeChatSignature.verify("6c5c811b55cc85e0e1b54100749188c20beb3f5d", "AAAAA", "1714112445", "415670741"))
			.isTrue();
		assertThat(WeChatSignature.verify("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "AAAAA", "1714112445",
				"415670741", encrypt))
			.isTrue();
	}

	@Test
	void verifiesWechatpyVectorAndRejectsItsNegative() {
		assertThat(WeChatSignature.verify("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", "test", "1410685589", "test"))
			.isTrue();
		assertThat(WeChatSignature.verify("f21891de399b4e33a1a93c9a7b8a8fffb5a443fe", "test", "1410685589", "test"))
			.isFalse();
	}

	@Test
	void signsSdkSha1Vectors() {
		assertThat(WeChatSignature.sign("123", "345")).isEqualTo("9f537aeb751ec72605f57f94a2f6dc3e3958e1dd");
		assertThat(WeChatSignature.sign("123&345")).isEqualTo("20b896ccbd5a72dde5dbe0878ff985e4069771c6");
		assertThat(WeChatSignature.sign("a", "b", "c")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
		assertThat(WeChatSignature.sign("c", "a", "b")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
	}

	@Test
	void verifyRejectsMissingOrBlankInput() {
		assertThat(WeChatSignature.verify(null, "test", "1410685589", "test")).isFalse();
		assertThat(WeChatSignature.verify("", "test", "1410685589", "test")).isFalse();
		assertThat(WeChatSignature.verify("  ", "test", "1410685589", "test")).isFalse();
		assertThat(WeChatSignature.verify("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", "test", null, "test")).isFalse();
		assertThat(WeChatSignature.verify("F21891DE399B4E33A1A93C9A7B8A8FFFB5A443FF", "test", "1410685589", "test"))
			.isFalse();
	}

	@Test
	void signRejectsNullParts() {
		assertThatNullPointerException().isThrownBy(() -> WeChatSignature.sign("a", null));
	}

}

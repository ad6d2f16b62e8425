package io.wxhub.protocol.signature;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsSdkSignature}.
 */
class JsSdkSignatureTests {

	private static final String OFFICIAL_TICKET = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

	@Test
	void signsOfficialExample() {
		assertThat(JsSdkSignature.sign(OFFICIAL_TICKET, "Wm3WZYTPz0wzccnW", 1414587457L,
				"http://mp.weixin.qq.com?params=value"))
			.isEqualTo("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
	}

	@Test
	void signsOlderOfficialExampleWithoutQuery() {
		assertThat(JsSdkSignature.sign(OFFICIAL_TICKET, "Wm3WZYTPz0wzccnW", 1414587457L, "http://mp.weixin.qq.com"))
			.isEqualTo("f4d90daf4b3bca3078ab155816175ba34c443a7b");
	}

	@Test
	void signsWxJavaExample() {
		assertThat(JsSdkSignature.sign(
				"bxLdikRXVbTPdHSM05e5u4RbEYQn7pNQMPrfzl8lJNb1foLDa3HIwI3BRMkQmSO_5F64VFa75uURcq6Uz7QHgA",
				"82693e11-b9bc-448e-892f-f5289f46cd0f", 1419835025L,
				"http://omstest.vmall.com:23568/thirdparty/wechat/vcode/gotoshare?quantity=1&batchName=MATE7"))
			.isEqualTo("c6f04b64d6351d197b71bd23fb7dd2d44c0db486");
	}

	@Test
	void ignoresUrlFragment() {
		assertThat(JsSdkSignature.sign(OFFICIAL_TICKET, "Wm3WZYTPz0wzccnW", 1414587457L,
				"http://mp.weixin.qq.com?params=value#/page?x=1"))
			.isEqualTo("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
	}

}

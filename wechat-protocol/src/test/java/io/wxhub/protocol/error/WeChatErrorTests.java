package io.wxhub.protocol.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WeChatError} and {@link WeChatException}.
 */
class WeChatErrorTests {

	@Test
	void zeroIsOk() {
		assertThat(new WeChatError(0, "ok").isOk()).isTrue();
		assertThat(WeChatError.of(WeChatErrorCode.OK)).isEqualTo(new WeChatError(0, "ok"));
		assertThat(new WeChatError(40001, "invalid credential").isOk()).isFalse();
	}

	@Test
	void classifiesByCodeNotByMessage() {
		WeChatError quota = new WeChatError(45009, "reach max api daily quota limit rid: 60fa6713-49187ba1-7a8cf8a7");
		assertThat(quota.code()).contains(WeChatErrorCode.DAILY_QUOTA_EXCEEDED);
		assertThat(quota.isRetryable()).isFalse();
		assertThat(new WeChatError(-1, "system error").isRetryable()).isTrue();
		assertThat(new WeChatError(42001, "access_token expired, rid: x").isTokenInvalid()).isTrue();
		assertThat(new WeChatError(99999, "unknown").code()).isEmpty();
		assertThat(new WeChatError(99999, "unknown").isRetryable()).isFalse();
		assertThat(new WeChatError(99999, "unknown").isTokenInvalid()).isFalse();
	}

	@Test
	void classifiesConfigurationAndQuotaErrors() {
		assertThat(new WeChatError(40125, "invalid appsecret, rid: x").isConfigurationError()).isTrue();
		assertThat(new WeChatError(45009, "reach max api daily quota limit").isQuotaExhausted()).isTrue();
		assertThat(new WeChatError(45009, "reach max api daily quota limit").isConfigurationError()).isFalse();
		assertThat(new WeChatError(99999, "unknown").isConfigurationError()).isFalse();
		assertThat(new WeChatError(99999, "unknown").isQuotaExhausted()).isFalse();
	}

	@Test
	void failuresWithoutAnErrcodeAreSystemErrors() {
		WeChatError timeout = WeChatError.systemError("HttpTimeoutException");
		assertThat(timeout).isEqualTo(new WeChatError(-1, "HttpTimeoutException"));
		assertThat(timeout.isRetryable()).isTrue();
	}

	@Test
	void exceptionCarriesTheError() {
		WeChatError error = new WeChatError(40164, "invalid ip 1.2.3.4, not in whitelist");
		WeChatException ex = new WeChatException(error);
		assertThat(ex.getError()).isSameAs(error);
		assertThat(ex).hasMessage("WeChat error 40164: invalid ip 1.2.3.4, not in whitelist");
		IllegalStateException cause = new IllegalStateException("boom");
		assertThat(new WeChatException(error, cause)).hasCause(cause);
	}

}

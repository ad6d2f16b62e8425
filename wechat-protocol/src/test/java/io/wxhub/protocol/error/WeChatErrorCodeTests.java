package io.wxhub.protocol.error;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WeChatErrorCode}.
 */
class WeChatErrorCodeTests {

	@Test
	void listsEveryCodeThePlatformHandles() {
		int[] required = { -1, 0, 40001, 40002, 40003, 40004, 40007, 40008, 40013, 40014, 40016, 40017, 40018, 40019,
				40020, 40022, 40023, 40029, 40030, 40033, 40037, 40053, 40097, 40125, 40163, 40164, 40243, 41001, 41002,
				41003, 41004, 41005, 41006, 41008, 42001, 42002, 43001, 43002, 43003, 43004, 44001, 44002, 44003, 44004,
				45001, 45002, 45008, 45009, 45010, 45011, 45015, 45047, 46001, 46003, 46004, 47001, 47003, 48001, 48002,
				48004, 48006, 50001, 50002, 50005, 76003, 76021, 76022, 89501, 89503, 89505, 89506, 89507 };
		for (int code : required) {
			assertThat(WeChatErrorCode.of(code)).as("errcode %d", code).isPresent();
			assertThat(WeChatErrorCode.of(code).get().code()).isEqualTo(code);
		}
		Set<Integer> codes = Arrays.stream(WeChatErrorCode.values())
			.map(WeChatErrorCode::code)
			.collect(Collectors.toSet());
		assertThat(codes).hasSize(WeChatErrorCode.values().length);
	}

	@Test
	void unknownCodesAreEmpty() {
		assertThat(WeChatErrorCode.of(12345)).isEmpty();
		assertThat(WeChatErrorCode.of(40000)).isEmpty();
	}

	@Test
	void carriesWireMessages() {
		assertThat(WeChatErrorCode.of(0)).contains(WeChatErrorCode.OK);
		assertThat(WeChatErrorCode.OK.errmsg()).isEqualTo("ok");
		assertThat(WeChatErrorCode.SYSTEM_ERROR.errmsg()).isEqualTo("system error");
		assertThat(WeChatErrorCode.INVALID_CREDENTIAL.errmsg())
			.isEqualTo("invalid credential, access_token is invalid or not latest");
		assertThat(WeChatErrorCode.of(40013).get().errmsg()).isEqualTo("invalid appid");
		assertThat(WeChatErrorCode.of(40007).get().errmsg()).isEqualTo("invalid media_id");
		assertThat(WeChatErrorCode.of(40018).get().errmsg()).isEqualTo("invalid button name size");
		assertThat(WeChatErrorCode.of(45009).get().errmsg()).isEqualTo("reach max api daily quota limit");
		assertThat(WeChatErrorCode.of(45011).get().errmsg())
			.isEqualTo("api minute-quota reach limit, must slower, retry next minute");
		assertThat(WeChatErrorCode.of(48006).get().errmsg())
			.isEqualTo("forbid to clear quota because of reaching the limit");
		assertThat(WeChatErrorCode.of(40033).get().errmsg())
			.isEqualTo("invalid charset. please check your request, if include \\uxxxx will create fail!");
		assertThat(WeChatErrorCode.of(40097).get().errmsg()).isEqualTo("invalid args");
		assertThat(WeChatErrorCode.of(44004).get().errmsg()).isEqualTo("empty content");
		assertThat(WeChatErrorCode.of(76003).get().errmsg()).isEqualTo("invalid cgi_path, it must start with /");
		assertThat(WeChatErrorCode.of(40029).get().errmsg()).isEqualTo("invalid code");
		assertThat(WeChatErrorCode.of(40163).get().errmsg()).isEqualTo("code been used");
		assertThat(WeChatErrorCode.of(40030).get().errmsg()).isEqualTo("invalid refresh_token");
		assertThat(WeChatErrorCode.values()).allSatisfy((code) -> assertThat(code.errmsg()).isNotBlank());
	}

	@Test
	void onlySystemErrorIsRetryable() {
		assertThat(matching(WeChatErrorCode::isRetryable)).containsExactly(-1);
	}

	@Test
	void classifiesTokenErrors() {
		assertThat(matching(WeChatErrorCode::isTokenInvalid)).containsExactlyInAnyOrder(40001, 40014, 42001);
	}

	@Test
	void classifiesConfigurationErrors() {
		assertThat(matching(WeChatErrorCode::isConfigurationError)).containsExactlyInAnyOrder(40002, 40013, 40125,
				40164, 40243, 41002, 41004, 89501, 89503, 89505, 89506, 89507);
	}

	@Test
	void classifiesQuotaExhaustion() {
		assertThat(matching(WeChatErrorCode::isQuotaExhausted)).containsExactly(45009);
	}

	private static Set<Integer> matching(java.util.function.Predicate<WeChatErrorCode> predicate) {
		return EnumSet.allOf(WeChatErrorCode.class)
			.stream()
			.filter(predicate)
			.map(WeChatErrorCode::code)
			.collect(Collectors.toSet());
	}

}

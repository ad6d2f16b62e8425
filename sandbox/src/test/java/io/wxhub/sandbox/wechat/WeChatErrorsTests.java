package io.wxhub.sandbox.wechat;

import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's errors are the protocol's codes and messages, with WeChat's request id
 * where WeChat adds one.
 */
class WeChatErrorsTests {

	private static final String RID = "[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}";

	@Test
	void addsARequestIdAfterASpaceToMostMessages() {
		WeChatError error = WeChatErrors.error(WeChatErrorCode.INVALID_OPENID);
		assertThat(error.errcode()).isEqualTo(40003);
		assertThat(error.errmsg()).matches("invalid openid rid: " + RID);
	}

	@Test
	void addsItAfterACommaOrNotAtAllWhereWeChatDoes() {
		assertThat(WeChatErrors.error(WeChatErrorCode.INVALID_APPSECRET).errmsg())
			.matches("invalid appsecret, rid: " + RID);
		assertThat(WeChatErrors.error(WeChatErrorCode.API_UNAUTHORIZED).errmsg())
			.matches("api unauthorized, rid: " + RID);
		assertThat(WeChatErrors.error(WeChatErrorCode.INVALID_CODE).errmsg()).matches("invalid code, rid: " + RID);
		assertThat(WeChatErrors.error(WeChatErrorCode.CODE_BEEN_USED).errmsg()).matches("code been used, rid: " + RID);
		assertThat(WeChatErrors.error(WeChatErrorCode.INVALID_REFRESH_TOKEN).errmsg())
			.matches("invalid refresh_token, rid: " + RID);
		assertThat(WeChatErrors.error(WeChatErrorCode.SYSTEM_ERROR)).isEqualTo(new WeChatError(-1, "system error"));
		assertThat(WeChatErrors.error(WeChatErrorCode.INVALID_APPID))
			.isEqualTo(new WeChatError(40013, "invalid appid"));
		assertThat(WeChatErrors.OK).isEqualTo(new WeChatError(0, "ok"));
	}

	@Test
	void everyCodeOfTheProtocolTableIsAnsweredWithItsMessage() {
		for (WeChatErrorCode code : WeChatErrorCode.values()) {
			WeChatError error = WeChatErrors.error(code.code());
			assertThat(error.errcode()).isEqualTo(code.code());
			assertThat(error.errmsg()).startsWith(code.errmsg());
		}
	}

	@Test
	void codesOutsideTheTableAreUnknownErrors() {
		assertThat(WeChatErrors.error(12345).errmsg()).matches("unknown error rid: " + RID);
	}

	@Test
	void callerSpecificMessages() {
		assertThat(WeChatErrors.invalidIp("10.0.0.1").getError().errmsg())
			.matches("invalid ip 10\\.0\\.0\\.1 ipv6 ::ffff:10\\.0\\.0\\.1, not in whitelist rid: " + RID);
		assertThat(WeChatErrors.tokenQuotaReached().getError().errmsg())
			.startsWith("reach max api daily quota limit, could get access_token by getStableAccessToken");
	}

}

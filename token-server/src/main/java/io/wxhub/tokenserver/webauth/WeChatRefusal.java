package io.wxhub.tokenserver.webauth;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * WeChat's refusal of a code exchange, for the API description only.
 *
 * @param errcode WeChat's errcode
 * @param errmsg WeChat's message
 */
@Schema(name = "WeChatRefusal", description = "WeChat's refusal, as WeChat wrote it",
		requiredProperties = { "errcode", "errmsg" })
record WeChatRefusal(
		@Schema(description = "40029 invalid code (unknown or expired), 40163 code been used, 40125 invalid "
				+ "appsecret…", example = "40163") int errcode,
		@Schema(description = "WeChat's message, with its request id",
				example = "code been used, rid: 65e1f0ad-0123abcd-4567ef01") String errmsg) {
}

package io.wxhub.sandbox.wechat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;

/**
 * WeChat's errors as the sandbox answers them: the code and message of
 * {@link WeChatErrorCode}, plus the request id WeChat appends to most messages
 * ({@code " rid: 60fa6713-49187ba1-7a8cf8a7"}, after a comma for a few codes, not at all
 * for others). Thrown as {@link WeChatException}, answered as HTTP 200 with
 * {@code {"errcode":N,"errmsg":"..."}}.
 */
public final class WeChatErrors {

	/** The plain success body {@code {"errcode":0,"errmsg":"ok"}}. */
	public static final WeChatError OK = WeChatError.of(WeChatErrorCode.OK);

	private static final Set<WeChatErrorCode> WITHOUT_RID = EnumSet.of(WeChatErrorCode.SYSTEM_ERROR, WeChatErrorCode.OK,
			WeChatErrorCode.INVALID_MEDIA_TYPE, WeChatErrorCode.INVALID_MEDIA_ID, WeChatErrorCode.INVALID_APPID,
			WeChatErrorCode.INVALID_BUTTON_NAME_SIZE, WeChatErrorCode.CLEAR_QUOTA_LIMIT);

	private static final Set<WeChatErrorCode> RID_AFTER_COMMA = EnumSet.of(WeChatErrorCode.INVALID_APPSECRET,
			WeChatErrorCode.API_UNAUTHORIZED, WeChatErrorCode.INVALID_CODE, WeChatErrorCode.CODE_BEEN_USED,
			WeChatErrorCode.INVALID_REFRESH_TOKEN);

	private static final String UNKNOWN = "unknown error";

	private WeChatErrors() {
	}

	/**
	 * The exception that answers a code with WeChat's message and a fresh request id.
	 * @param code the code
	 * @return the exception to throw
	 */
	public static WeChatException of(WeChatErrorCode code) {
		return new WeChatException(error(code));
	}

	/**
	 * The body WeChat answers for a code, with a fresh request id where WeChat adds one.
	 * @param code the code
	 * @return the error body
	 */
	public static WeChatError error(WeChatErrorCode code) {
		String errmsg = WITHOUT_RID.contains(code) ? code.errmsg()
				: withRid(code.errmsg(), RID_AFTER_COMMA.contains(code) ? ", rid: " : " rid: ");
		return new WeChatError(code.code(), errmsg);
	}

	/**
	 * The body for any errcode, also those {@link WeChatErrorCode} does not list (as
	 * injected faults may use): their message is {@code unknown error}.
	 * @param errcode the errcode
	 * @return the error body
	 */
	public static WeChatError error(int errcode) {
		return WeChatErrorCode.of(errcode)
			.map(WeChatErrors::error)
			.orElseGet(() -> new WeChatError(errcode, withRid(UNKNOWN, " rid: ")));
	}

	/**
	 * The 40164 error, whose message names the caller's address twice.
	 * @param ip the caller's address as the server saw it
	 * @return the exception to throw
	 */
	public static WeChatException invalidIp(String ip) {
		String ipv6 = ip.contains(":") ? ip : "::ffff:" + ip;
		return new WeChatException(new WeChatError(WeChatErrorCode.INVALID_IP.code(),
				withRid("invalid ip " + ip + " ipv6 " + ipv6 + ", not in whitelist", " rid: ")));
	}

	/**
	 * The 45009 error of {@code /cgi-bin/token}, whose message points to
	 * {@code stable_token}.
	 * @return the exception to throw
	 */
	public static WeChatException tokenQuotaReached() {
		return new WeChatException(new WeChatError(WeChatErrorCode.DAILY_QUOTA_EXCEEDED.code(),
				withRid(WeChatErrorCode.DAILY_QUOTA_EXCEEDED.errmsg()
						+ ", could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r",
						" rid: ")));
	}

	private static String withRid(String text, String separator) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return text + separator
				+ "%08x-%08x-%08x".formatted(Instant.now().getEpochSecond(), random.nextInt(), random.nextInt());
	}

}

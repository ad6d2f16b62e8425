package io.wxhub.protocol.error;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The WeChat {@code errcode} values this platform handles, with the {@code errmsg} text
 * the server sends: the one table of codes and messages of every module (the sandbox
 * answers with these texts). Real {@code errmsg} values often carry a {@code rid: ...}
 * suffix, so match on {@link #code()} only. No wire text is confirmed for 40243, 41003,
 * 42002, 76003, 76022 and 89501-89507; their {@link #errmsg()} is descriptive.
 */
public enum WeChatErrorCode {

	// @formatter:off
	SYSTEM_ERROR(-1, "system error"),
	OK(0, "ok"),
	INVALID_CREDENTIAL(40001, "invalid credential, access_token is invalid or not latest"),
	INVALID_GRANT_TYPE(40002, "invalid grant_type"),
	INVALID_OPENID(40003, "invalid openid"),
	INVALID_MEDIA_TYPE(40004, "invalid media type"),
	INVALID_MEDIA_ID(40007, "invalid media_id"),
	INVALID_MESSAGE_TYPE(40008, "invalid message type"),
	INVALID_APPID(40013, "invalid appid"),
	INVALID_ACCESS_TOKEN(40014, "invalid access_token"),
	INVALID_BUTTON_SIZE(40016, "invalid button size"),
	INVALID_BUTTON_TYPE(40017, "invalid button type"),
	INVALID_BUTTON_NAME_SIZE(40018, "invalid button name size"),
	INVALID_BUTTON_KEY_SIZE(40019, "invalid button key size"),
	INVALID_BUTTON_URL_SIZE(40020, "invalid button url size"),
	INVALID_SUB_MENU_LEVEL(40022, "invalid sub_menu level"),
	INVALID_SUB_BUTTON_SIZE(40023, "invalid sub button size"),
	INVALID_CODE(40029, "invalid code"),
	INVALID_REFRESH_TOKEN(40030, "invalid refresh_token"),
	INVALID_CHARSET(40033, "invalid charset. please check your request, if include \\uxxxx will create fail!"),
	INVALID_TEMPLATE_ID(40037, "invalid template_id"),
	INVALID_ACTION_INFO(40053, "invalid action info"),
	INVALID_ARGS(40097, "invalid args"),
	INVALID_APPSECRET(40125, "invalid appsecret"),
	CODE_BEEN_USED(40163, "code been used"),
	INVALID_IP(40164, "invalid ip, not in whitelist"),
	APPSECRET_FROZEN(40243, "appsecret is frozen"),
	ACCESS_TOKEN_MISSING(41001, "access_token missing"),
	APPID_MISSING(41002, "appid missing"),
	REFRESH_TOKEN_MISSING(41003, "refresh_token missing"),
	APPSECRET_MISSING(41004, "appsecret missing"),
	MEDIA_DATA_MISSING(41005, "media data missing"),
	MEDIA_ID_MISSING(41006, "media_id missing"),
	CODE_MISSING(41008, "missing code"),
	ACCESS_TOKEN_EXPIRED(42001, "access_token expired"),
	REFRESH_TOKEN_EXPIRED(42002, "refresh_token expired"),
	REQUIRE_GET_METHOD(43001, "require GET method"),
	REQUIRE_POST_METHOD(43002, "require POST method"),
	REQUIRE_HTTPS(43003, "require https"),
	REQUIRE_SUBSCRIBE(43004, "require subscribe"),
	EMPTY_MEDIA_DATA(44001, "empty media data"),
	EMPTY_POST_DATA(44002, "empty post data"),
	EMPTY_NEWS_DATA(44003, "empty news data"),
	EMPTY_CONTENT(44004, "empty content"),
	MEDIA_SIZE_OUT_OF_LIMIT(45001, "media size out of limit"),
	CONTENT_SIZE_OUT_OF_LIMIT(45002, "content size out of limit"),
	ARTICLE_SIZE_OUT_OF_LIMIT(45008, "article size out of limit"),
	DAILY_QUOTA_EXCEEDED(45009, "reach max api daily quota limit"),
	CREATE_MENU_LIMIT(45010, "create menu limit"),
	MINUTE_QUOTA_EXCEEDED(45011, "api minute-quota reach limit, must slower, retry next minute"),
	RESPONSE_OUT_OF_TIME_LIMIT(45015, "response out of time limit or subscription is canceled"),
	OUT_OF_RESPONSE_COUNT_LIMIT(45047, "out of response count limit"),
	MEDIA_DATA_NOT_EXIST(46001, "media data no exist"),
	MENU_NOT_EXIST(46003, "menu no exist"),
	USER_NOT_EXIST(46004, "user no exist"),
	DATA_FORMAT_ERROR(47001, "data format error"),
	ARGUMENT_INVALID(47003, "argument invalid!"),
	API_UNAUTHORIZED(48001, "api unauthorized"),
	USER_BLOCK_RECEIVE_MESSAGE(48002, "user block receive message"),
	API_FORBIDDEN(48004, "api forbidden for irregularities"),
	CLEAR_QUOTA_LIMIT(48006, "forbid to clear quota because of reaching the limit"),
	USER_UNAUTHORIZED(50001, "api unauthorized or user unauthorized"),
	USER_LIMITED(50002, "user limited"),
	USER_UNSUBSCRIBED(50005, "user is unsubscribed"),
	INVALID_CGI_PATH(76003, "invalid cgi_path, it must start with /"),
	CGI_PATH_NOT_FOUND(76021, "cgi_path not found, please check"),
	CGI_PATH_NOT_ALLOWED(76022, "cgi_path not supported"),
	ADMIN_CONFIRMATION_PENDING(89501, "this ip is waiting for admin confirmation"),
	ADMIN_CONFIRMATION_REQUIRED(89503, "this ip requires admin confirmation"),
	ADMIN_CONFIRMATION_WAITING(89505, "waiting for admin confirmation"),
	ADMIN_REJECTED_24H(89506, "this ip was rejected by the admin, retry after 24 hours"),
	ADMIN_REJECTED_1H(89507, "this ip was rejected by the admin, retry after 1 hour");
	// @formatter:on

	private static final Map<Integer, WeChatErrorCode> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(WeChatErrorCode::code, Function.identity()));

	private final int code;

	private final String errmsg;

	WeChatErrorCode(int code, String errmsg) {
		this.code = code;
		this.errmsg = errmsg;
	}

	/**
	 * Look up a code.
	 * @param code the {@code errcode} value
	 * @return the matching constant, or empty if this enum does not list it
	 */
	public static Optional<WeChatErrorCode> of(int code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}

	/**
	 * Return the numeric {@code errcode}.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Return the {@code errmsg} text WeChat sends with this code, without a rid suffix.
	 * @return the message
	 */
	public String errmsg() {
		return this.errmsg;
	}

	/**
	 * Whether the call may simply be retried later; true only for {@code -1}.
	 * @return whether to retry
	 */
	public boolean isRetryable() {
		return this == SYSTEM_ERROR;
	}

	/**
	 * Whether the access_token used is invalid, superseded or expired (40001, 40014,
	 * 42001), so a fresh token should be fetched.
	 * @return whether the token is bad
	 */
	public boolean isTokenInvalid() {
		return this == INVALID_CREDENTIAL || this == INVALID_ACCESS_TOKEN || this == ACCESS_TOKEN_EXPIRED;
	}

	/**
	 * Whether the account's credentials or console settings are wrong, so retrying cannot
	 * help until an operator acts.
	 * @return whether this is a configuration error
	 */
	public boolean isConfigurationError() {
		return switch (this) {
			case INVALID_GRANT_TYPE, INVALID_APPID, INVALID_APPSECRET, INVALID_IP, APPSECRET_FROZEN, APPID_MISSING,
					APPSECRET_MISSING, ADMIN_CONFIRMATION_PENDING, ADMIN_CONFIRMATION_REQUIRED,
					ADMIN_CONFIRMATION_WAITING, ADMIN_REJECTED_24H, ADMIN_REJECTED_1H ->
				true;
			default -> false;
		};
	}

	/**
	 * Whether the daily API quota is exhausted (45009).
	 * @return whether the quota is used up
	 */
	public boolean isQuotaExhausted() {
		return this == DAILY_QUOTA_EXCEEDED;
	}

}

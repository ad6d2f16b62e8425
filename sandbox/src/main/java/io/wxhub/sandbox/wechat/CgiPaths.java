package io.wxhub.sandbox.wechat;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The API paths the sandbox serves, as WeChat names them (no host, leading slash): those
 * of {@code api.weixin.qq.com} and the web authorization page of
 * {@code open.weixin.qq.com}.
 */
public final class CgiPaths {

	/** Prefix of the emulated WeChat APIs that take the account's access token. */
	public static final String PREFIX = "/cgi-bin/";

	/** Prefix of the web authorization APIs, which take a user's access token. */
	public static final String SNS_PREFIX = "/sns/";

	/** Classic access token. */
	public static final String TOKEN = "/cgi-bin/token";

	/** Stable access token. */
	public static final String STABLE_TOKEN = "/cgi-bin/stable_token";

	/** Daily budget of forced {@code stable_token} refreshes, kept like a path quota. */
	public static final String STABLE_TOKEN_FORCE_REFRESH = "/cgi-bin/stable_token#force_refresh";

	/** JS-SDK and card tickets. */
	public static final String GET_TICKET = "/cgi-bin/ticket/getticket";

	/** Addresses of the API domain. */
	public static final String API_DOMAIN_IP = "/cgi-bin/get_api_domain_ip";

	/** Resets the daily counters. */
	public static final String CLEAR_QUOTA = "/cgi-bin/clear_quota";

	/** Reads one API's daily counter. */
	public static final String QUOTA_GET = "/cgi-bin/openapi/quota/get";

	/** Creates the custom menu. */
	public static final String MENU_CREATE = "/cgi-bin/menu/create";

	/** Reads the custom menu as created. */
	public static final String MENU_GET = "/cgi-bin/menu/get";

	/** Deletes the custom menu. */
	public static final String MENU_DELETE = "/cgi-bin/menu/delete";

	/** Reads the menu in force, in the shape of the console. */
	public static final String SELF_MENU_INFO = "/cgi-bin/get_current_selfmenu_info";

	/** Customer-service message. */
	public static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";

	/** Template message. */
	public static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";

	/** Temporary media upload. */
	public static final String MEDIA_UPLOAD = "/cgi-bin/media/upload";

	/** Temporary media download. */
	public static final String MEDIA_GET = "/cgi-bin/media/get";

	/** One follower's profile. */
	public static final String USER_INFO = "/cgi-bin/user/info";

	/** Up to 100 followers' profiles. */
	public static final String USER_INFO_BATCH = "/cgi-bin/user/info/batchget";

	/** The follower list, 10,000 OpenIDs a page. */
	public static final String USER_GET = "/cgi-bin/user/get";

	/** Parametric QR codes. */
	public static final String QRCODE_CREATE = "/cgi-bin/qrcode/create";

	/** Web authorization: a code for a user's access token. */
	public static final String SNS_ACCESS_TOKEN = "/sns/oauth2/access_token";

	/** Web authorization: a refresh token for a fresh user access token. */
	public static final String SNS_REFRESH_TOKEN = "/sns/oauth2/refresh_token";

	/** Web authorization: the profile of the user who consented. */
	public static final String SNS_USERINFO = "/sns/userinfo";

	/** Web authorization: whether a user access token is valid. */
	public static final String SNS_AUTH = "/sns/auth";

	/** The web authorization page ({@code open.weixin.qq.com}). */
	public static final String OAUTH2_AUTHORIZE = "/connect/oauth2/authorize";

	/**
	 * Request attribute: the app a WeChat API call was counted for (or {@code unknown}),
	 * set before the API runs.
	 */
	public static final String APP_ATTRIBUTE = CgiPaths.class.getName() + ".app";

	private CgiPaths() {
	}

	/**
	 * @param request a request
	 * @return its path without the context path
	 */
	public static String of(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * @param request a request
	 * @return whether it addresses an emulated WeChat API ({@code /cgi-bin/**} or
	 * {@code /sns/**}), answered in WeChat's JSON
	 */
	public static boolean isCgi(HttpServletRequest request) {
		String path = of(request);
		return path.startsWith(PREFIX) || path.startsWith(SNS_PREFIX);
	}

}

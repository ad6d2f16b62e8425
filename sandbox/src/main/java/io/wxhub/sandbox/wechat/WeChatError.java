package io.wxhub.sandbox.wechat;

/**
 * WeChat's error body, also its plain success body {@code {"errcode":0,"errmsg":"ok"}}.
 *
 * @param errcode the errcode, 0 for success
 * @param errmsg the errmsg
 */
public record WeChatError(int errcode, String errmsg) {

	/**
	 * @return {@code {"errcode":0,"errmsg":"ok"}}
	 */
	public static WeChatError ok() {
		return new WeChatError(0, "ok");
	}

}

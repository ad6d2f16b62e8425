package io.wxhub.sandbox.wechat;

/**
 * A WeChat business error: answered as HTTP 200 with
 * {@code {"errcode":N,"errmsg":"..."}}.
 */
public class WeChatException extends RuntimeException {

	private final int errcode;

	private final String errmsg;

	public WeChatException(int errcode, String errmsg) {
		super(errcode + " " + errmsg);
		this.errcode = errcode;
		this.errmsg = errmsg;
	}

	/**
	 * An error with WeChat's usual message for the code.
	 * @param errcode the errcode
	 * @return the exception
	 */
	public static WeChatException of(int errcode) {
		return new WeChatException(errcode, WeChatErrors.errmsg(errcode));
	}

	public int errcode() {
		return this.errcode;
	}

	public String errmsg() {
		return this.errmsg;
	}

	/**
	 * @return the JSON body WeChat would send
	 */
	public WeChatError toBody() {
		return new WeChatError(this.errcode, this.errmsg);
	}

}

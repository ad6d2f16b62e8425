package io.wxhub.tokenserver.upstream;

/**
 * WeChat gave no usable answer to a call that is not retried: no connection, no answer in
 * time, a 5xx, or a body that is no JSON object. The message never names the call's
 * parameters.
 */
public class WeChatUnavailableException extends RuntimeException {

	private final boolean timedOut;

	public WeChatUnavailableException(boolean timedOut, String detail) {
		super(detail);
		this.timedOut = timedOut;
	}

	/** Whether the request was sent and no answer came in time. */
	public boolean timedOut() {
		return this.timedOut;
	}

}

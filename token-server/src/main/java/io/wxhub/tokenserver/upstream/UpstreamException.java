package io.wxhub.tokenserver.upstream;

import io.wxhub.protocol.error.WeChatErrorCode;

/**
 * A token request WeChat did not grant: an errcode, a 5xx, a timeout or a broken answer.
 * {@code errcode} is WeChat's own where it sent one, else -1 ("system error").
 */
public class UpstreamException extends RuntimeException {

	private final int errcode;

	private final String errmsg;

	private final boolean transientFailure;

	public UpstreamException(int errcode, String errmsg, boolean transientFailure) {
		super("WeChat answered errcode " + errcode + ": " + errmsg);
		this.errcode = errcode;
		this.errmsg = errmsg;
		this.transientFailure = transientFailure;
	}

	/** A failure of the transport (5xx, timeout, refused connection, unparsable body). */
	public static UpstreamException transport(String what) {
		return new UpstreamException(-1, what, true);
	}

	/** WeChat's errcode answer; -1 is the only one worth retrying. */
	public static UpstreamException errcode(int errcode, String errmsg) {
		return new UpstreamException(errcode, errmsg, errcode == -1);
	}

	public int errcode() {
		return this.errcode;
	}

	public String errmsg() {
		return this.errmsg;
	}

	/** True when retrying soon may succeed. */
	public boolean isTransient() {
		return this.transientFailure;
	}

	/**
	 * True for errcodes that say the account's configuration is wrong (bad secret, IP
	 * whitelist…).
	 */
	public boolean isConfigurationError() {
		return WeChatErrorCode.of(this.errcode).map(WeChatErrorCode::isConfigurationError).orElse(false);
	}

	/** True when WeChat's daily quota is spent (45009). */
	public boolean isQuotaExhausted() {
		return WeChatErrorCode.of(this.errcode).map(WeChatErrorCode::isQuotaExhausted).orElse(false);
	}

	/**
	 * True when the access token used for a ticket request was rejected (40001, 40014,
	 * 42001).
	 */
	public boolean isTokenInvalid() {
		return WeChatErrorCode.of(this.errcode).map(WeChatErrorCode::isTokenInvalid).orElse(false);
	}

}

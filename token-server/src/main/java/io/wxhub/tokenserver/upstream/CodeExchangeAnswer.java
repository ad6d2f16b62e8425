package io.wxhub.tokenserver.upstream;

/**
 * WeChat's answer to a web authorization code exchange, as WeChat wrote it.
 *
 * @param body the JSON object: the user's tokens and openid, or WeChat's refusal
 * @param errcode its {@code errcode}, 0 when it has none
 */
public record CodeExchangeAnswer(byte[] body, int errcode) {

	@Override
	public String toString() {
		return "CodeExchangeAnswer[errcode=" + this.errcode + ", body=***]";
	}

}

package io.wxhub.messageservice.callback;

/**
 * The query parameters of a push.
 *
 * @param signature signature over Token, timestamp and nonce
 * @param timestamp epoch seconds, as sent
 * @param nonce as sent
 * @param encryptType {@code aes} for encrypted pushes; absent or {@code raw} otherwise
 * @param msgSignature signature over Token, timestamp, nonce and Encrypt
 */
record PushParameters(String signature, String timestamp, String nonce, String encryptType, String msgSignature) {

	boolean encrypted() {
		return "aes".equals(this.encryptType);
	}

}

package io.wxhub.protocol.xml;

import java.util.Objects;

/**
 * The body of an encrypted passive reply.
 *
 * @param encrypt {@code Encrypt}: the Base64 ciphertext of the reply XML
 * @param msgSignature {@code MsgSignature} over token, timestamp, nonce and encrypt
 * @param timeStamp {@code TimeStamp}: epoch seconds, as signed
 * @param nonce {@code Nonce}, as signed; usually the request's nonce
 */
public record EncryptedReply(String encrypt, String msgSignature, String timeStamp, String nonce) {

	public EncryptedReply {
		Objects.requireNonNull(encrypt, "encrypt must not be null");
		Objects.requireNonNull(msgSignature, "msgSignature must not be null");
		Objects.requireNonNull(timeStamp, "timeStamp must not be null");
		Objects.requireNonNull(nonce, "nonce must not be null");
	}

}

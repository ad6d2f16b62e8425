package io.wxhub.protocol.crypto;

import java.util.Objects;

/**
 * An encrypted WeChat message could not be verified or decrypted. The message never
 * contains key material or plaintext.
 */
public class MessageCryptoException extends RuntimeException {

	private final Reason reason;

	/**
	 * Create an exception for the given reason.
	 * @param reason why the message was rejected
	 * @param message a description for logs
	 */
	public MessageCryptoException(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason must not be null");
	}

	/**
	 * Return why the message was rejected.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why an encrypted message was rejected.
	 */
	public enum Reason {

		/** The ciphertext is {@code null} or empty. */
		EMPTY,

		/** The ciphertext is larger than {@link MessageCrypto#MAX_CIPHERTEXT_BYTES}. */
		TOO_LARGE,

		/** The ciphertext is not standard Base64. */
		NOT_BASE64,

		/** The decoded ciphertext is not a positive multiple of the AES block size. */
		BAD_CIPHERTEXT_LENGTH,

		/** The PKCS#7 padding (block size 32) is invalid. */
		BAD_PADDING,

		/**
		 * The 4-byte message length is negative or runs past the end of the plaintext.
		 */
		LENGTH_OUT_OF_RANGE,

		/** The app id at the end of the plaintext is not the expected one. */
		APPID_MISMATCH,

		/** The {@code msg_signature} / {@code MsgSignature} does not match. */
		SIGNATURE_MISMATCH

	}

}

package io.wxhub.protocol.signature;

import java.security.SecureRandom;

/**
 * Random nonce strings for signatures, JS-SDK configs and encrypted replies.
 */
public final class Nonces {

	/** Length of {@link #next()}. */
	public static final int DEFAULT_LENGTH = 16;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Nonces() {
	}

	/**
	 * Return a new alphanumeric nonce of {@value #DEFAULT_LENGTH} characters.
	 * @return the nonce
	 */
	public static String next() {
		return alphanumeric(DEFAULT_LENGTH);
	}

	/**
	 * Return a new nonce of the given length drawn from {@code [A-Za-z0-9]}.
	 * @param length the number of characters, at least 1
	 * @return the nonce
	 */
	public static String alphanumeric(int length) {
		if (length < 1) {
			throw new IllegalArgumentException("length must be at least 1");
		}
		StringBuilder nonce = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			nonce.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return nonce.toString();
	}

}

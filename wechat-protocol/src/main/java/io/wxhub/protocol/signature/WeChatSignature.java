package io.wxhub.protocol.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The SHA-1 signature over sorted strings that WeChat uses for the callback URL
 * {@code signature} (token, timestamp, nonce) and for {@code msg_signature} (token,
 * timestamp, nonce, Encrypt).
 */
public final class WeChatSignature {

	private WeChatSignature() {
	}

	/**
	 * Sign the given values: sort them as strings, concatenate them and return the
	 * lowercase hex SHA-1.
	 * @param parts the values to sign, none {@code null}
	 * @return the 40-character lowercase hex signature
	 */
	public static String sign(String... parts) {
		String[] sorted = parts.clone();
		for (String part : sorted) {
			Objects.requireNonNull(part, "signature parts must not be null");
		}
		Arrays.sort(sorted);
		return Sha1.hex(String.join("", sorted));
	}

	/**
	 * Check a received signature against the given values in constant time.
	 * @param expected the signature received from the peer
	 * @param parts the values it should sign
	 * @return {@code true} if it matches; {@code false} if it does not, if it is blank or
	 * if any part is {@code null}
	 */
	public static boolean verify(String expected, String... parts) {
		if (expected == null || expected.isBlank() || parts == null || Arrays.asList(parts).contains(null)) {
			return false;
		}
		byte[] actual = sign(parts).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(actual, expected.getBytes(StandardCharsets.UTF_8));
	}

}

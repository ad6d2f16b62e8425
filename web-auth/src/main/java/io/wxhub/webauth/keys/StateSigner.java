package io.wxhub.webauth.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code state} parameter: a random nonce and its HMAC-SHA256, 64 hex characters.
 * WeChat passes {@code state} back unchanged but allows only {@code [a-zA-Z0-9]}, at most
 * 128 bytes, so it cannot carry a signed token; the nonce names what the broker stored
 * for the authorization (in Redis, with its expiry, taken once).
 */
public final class StateSigner {

	private static final HexFormat HEX = HexFormat.of();

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	public StateSigner(SigningKeys keys) {
		this.key = new SecretKeySpec(keys.stateKey(), "HmacSHA256");
	}

	/** A new state; its nonce is the first 32 characters. */
	public String newState() {
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		String hexNonce = HEX.formatHex(nonce);
		return hexNonce + mac(hexNonce);
	}

	/** The nonce of a state this broker made; empty for anything else. */
	public Optional<String> nonceOf(String state) {
		if (state == null || state.length() != 64 || !state.chars().allMatch(StateSigner::isLowerHex)) {
			return Optional.empty();
		}
		String nonce = state.substring(0, 32);
		boolean genuine = MessageDigest.isEqual(mac(nonce).getBytes(StandardCharsets.US_ASCII),
				state.substring(32).getBytes(StandardCharsets.US_ASCII));
		return genuine ? Optional.of(nonce) : Optional.empty();
	}

	private String mac(String nonce) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HEX.formatHex(mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII)), 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isLowerHex(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
	}

}

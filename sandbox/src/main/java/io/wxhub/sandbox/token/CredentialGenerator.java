package io.wxhub.sandbox.token;

import java.security.SecureRandom;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Mints opaque token and ticket strings that look like WeChat's (URL-safe characters).
 */
@Component
public class CredentialGenerator {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1,512}");

	private static final String PREFIX = "SBX_";

	private static final int TOKEN_LENGTH = 140;

	private static final int TICKET_LENGTH = 86;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param kind the credential kind
	 * @return a fresh random value
	 */
	public String next(CredentialKind kind) {
		return mint(PREFIX, kind.isAccessToken() ? TOKEN_LENGTH : TICKET_LENGTH);
	}

	/**
	 * @param prefix what the value starts with
	 * @param length its total length
	 * @return a fresh random value of URL-safe characters
	 */
	public String mint(String prefix, int length) {
		StringBuilder value = new StringBuilder(length).append(prefix);
		while (value.length() < length) {
			value.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return value.toString();
	}

	/**
	 * @param value a presented value
	 * @return whether it could be a credential at all (else WeChat says 40014)
	 */
	public static boolean isWellFormed(String value) {
		return WELL_FORMED.matcher(value).matches();
	}

}

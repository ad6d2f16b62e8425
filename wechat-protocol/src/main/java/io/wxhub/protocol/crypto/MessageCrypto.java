package io.wxhub.protocol.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.wxhub.protocol.crypto.MessageCryptoException.Reason;

/**
 * Encrypts and decrypts WeChat message bodies (the {@code Encrypt} element) in safe and
 * compatible mode: AES-256-CBC over {@code random(16) | length(4) | message | appId}.
 * Immutable and thread-safe.
 * <p>
 * Verify {@code msg_signature} before calling {@link #decrypt(String)} so that
 * unauthenticated ciphertext never reaches the padding check.
 */
public final class MessageCrypto {

	/** Largest decoded ciphertext accepted by {@link #decrypt(String)}: 1 MiB. */
	public static final int MAX_CIPHERTEXT_BYTES = 1024 * 1024;

	private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

	private static final int RANDOM_BYTES = 16;

	private static final int HEADER_BYTES = RANDOM_BYTES + 4;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String appId;

	private final byte[] appIdBytes;

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final ThreadLocal<Cipher> encryptors = perThread(Cipher.ENCRYPT_MODE);

	private final ThreadLocal<Cipher> decryptors = perThread(Cipher.DECRYPT_MODE);

	/**
	 * Create an instance for one account.
	 * @param appId the AppID (or WeCom corp id) expected at the end of every plaintext
	 * @param encodingAesKey the 43-character EncodingAESKey from the console
	 * @throws IllegalArgumentException if the app id is blank or the key is malformed
	 */
	public MessageCrypto(String appId, String encodingAesKey) {
		if (appId == null || appId.isBlank()) {
			throw new IllegalArgumentException("appId must not be blank");
		}
		if (encodingAesKey == null || !ENCODING_AES_KEY.matcher(encodingAesKey).matches()) {
			throw new IllegalArgumentException("EncodingAESKey must be exactly 43 characters from [A-Za-z0-9]");
		}
		byte[] aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
		if (aesKey.length != 32) {
			throw new IllegalArgumentException("EncodingAESKey must decode to 32 bytes");
		}
		this.appId = appId;
		this.appIdBytes = appId.getBytes(StandardCharsets.UTF_8);
		this.key = new SecretKeySpec(aesKey, "AES");
		// WeChat uses the first 16 bytes of the key as the IV.
		this.iv = new IvParameterSpec(aesKey, 0, 16);
	}

	/**
	 * Return the app id this instance encrypts for and accepts.
	 * @return the app id
	 */
	public String appId() {
		return this.appId;
	}

	/**
	 * Encrypt a message with a fresh random prefix.
	 * @param plaintext the message, usually XML
	 * @return the Base64 ciphertext for the {@code Encrypt} element
	 */
	public String encrypt(String plaintext) {
		byte[] random = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(random);
		return encrypt(plaintext, random);
	}

	/**
	 * Encrypt a message with the given random prefix; for test vectors and emulators.
	 * @param plaintext the message, usually XML
	 * @param random16 exactly 16 bytes
	 * @return the Base64 ciphertext for the {@code Encrypt} element
	 */
	public String encrypt(String plaintext, byte[] random16) {
		if (plaintext == null) {
			throw new IllegalArgumentException("plaintext must not be null");
		}
		if (random16 == null || random16.length != RANDOM_BYTES) {
			throw new IllegalArgumentException("random prefix must be exactly 16 bytes");
		}
		byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
		ByteBuffer full = ByteBuffer.allocate(HEADER_BYTES + message.length + this.appIdBytes.length);
		full.put(random16).putInt(message.length).put(message).put(this.appIdBytes);
		return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, Pkcs7.pad(full.array())));
	}

	/**
	 * Decrypt the content of an {@code Encrypt} element.
	 * @param base64Encrypt the Base64 ciphertext
	 * @return the plaintext message
	 * @throws MessageCryptoException if the ciphertext is malformed or for another app
	 */
	public String decrypt(String base64Encrypt) {
		byte[] plain = cipher(Cipher.DECRYPT_MODE, decode(base64Encrypt));
		int end = Pkcs7.unpaddedLength(plain);
		if (end < HEADER_BYTES) {
			throw new MessageCryptoException(Reason.LENGTH_OUT_OF_RANGE, "Plaintext is shorter than its header");
		}
		int length = ByteBuffer.wrap(plain, RANDOM_BYTES, 4).getInt();
		if (length < 0 || length > end - HEADER_BYTES) {
			throw new MessageCryptoException(Reason.LENGTH_OUT_OF_RANGE,
					"Message length " + length + " is outside the plaintext");
		}
		int appIdStart = HEADER_BYTES + length;
		String trailing = new String(plain, appIdStart, end - appIdStart, StandardCharsets.UTF_8);
		if (!this.appId.equals(trailing)) {
			throw new MessageCryptoException(Reason.APPID_MISMATCH, "Message was encrypted for another app id");
		}
		return new String(plain, HEADER_BYTES, length, StandardCharsets.UTF_8);
	}

	private static byte[] decode(String base64) {
		if (base64 == null || base64.isEmpty()) {
			throw new MessageCryptoException(Reason.EMPTY, "Ciphertext is empty");
		}
		if (base64.length() > (MAX_CIPHERTEXT_BYTES / 3 + 1) * 4) {
			throw new MessageCryptoException(Reason.TOO_LARGE, "Ciphertext is larger than 1 MiB");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new MessageCryptoException(Reason.NOT_BASE64, "Ciphertext is not valid Base64");
		}
		if (bytes.length > MAX_CIPHERTEXT_BYTES) {
			throw new MessageCryptoException(Reason.TOO_LARGE, "Ciphertext is larger than 1 MiB");
		}
		if (bytes.length == 0 || bytes.length % 16 != 0) {
			throw new MessageCryptoException(Reason.BAD_CIPHERTEXT_LENGTH,
					"Ciphertext length " + bytes.length + " is not a positive multiple of 16");
		}
		return bytes;
	}

	private byte[] cipher(int mode, byte[] input) {
		try {
			return ((mode == Cipher.ENCRYPT_MODE) ? this.encryptors : this.decryptors).get().doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/CBC/NoPadding failed", ex);
		}
	}

	// The IV is fixed per key, so an initialised Cipher can be reused: doFinal resets it
	// to
	// the state init left. Cipher is not thread-safe: one per thread and direction.
	private ThreadLocal<Cipher> perThread(int mode) {
		return ThreadLocal.withInitial(() -> {
			try {
				Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
				cipher.init(mode, this.key, this.iv);
				return cipher;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("AES/CBC/NoPadding is unavailable", ex);
			}
		});
	}

}

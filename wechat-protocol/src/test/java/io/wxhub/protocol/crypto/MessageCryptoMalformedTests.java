package io.wxhub.protocol.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.wxhub.protocol.TestVectors;
import io.wxhub.protocol.crypto.MessageCryptoException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Malformed keys and ciphertexts must fail with a typed exception that never reveals the
 * key.
 */
class MessageCryptoMalformedTests {

	private static final String KEY = TestVectors.ENC2_KEY;

	private static final String APPID = TestVectors.ENC2_APPID;

	private static final byte[] RAW_KEY = Base64.getDecoder().decode(KEY + "=");

	private final MessageCrypto crypto = new MessageCrypto(APPID, KEY);

	@ParameterizedTest
	@NullAndEmptySource
	void emptyCiphertextIsRejected(String ciphertext) {
		assertRejected(ciphertext, Reason.EMPTY);
	}

	@Test
	void nonBase64CiphertextIsRejected() {
		assertRejected("not base64 at all!", Reason.NOT_BASE64);
		assertRejected("<xml>", Reason.NOT_BASE64);
	}

	@Test
	void ciphertextThatIsNotAMultipleOf16IsRejected() {
		assertRejected(Base64.getEncoder().encodeToString(new byte[20]), Reason.BAD_CIPHERTEXT_LENGTH);
		assertRejected("AAAA", Reason.BAD_CIPHERTEXT_LENGTH);
	}

	@Test
	void truncatedCiphertextIsRejected() {
		String encrypt = TestVectors.ENC2_ENCRYPT_B;
		assertRejected(encrypt.substring(0, encrypt.length() - 4), Reason.BAD_CIPHERTEXT_LENGTH);
		byte[] bytes = Base64.getDecoder().decode(encrypt);
		String lastBlockDropped = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, bytes.length - 16));
		assertThatExceptionOfType(MessageCryptoException.class).isThrownBy(() -> this.crypto.decrypt(lastBlockDropped));
	}

	@Test
	void officialCiphertextWithoutItsLastBlockHasBadPadding() {
		byte[] bytes = Base64.getDecoder().decode(TestVectors.ENC1_ENCRYPT);
		String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, bytes.length - 16));
		MessageCrypto official = new MessageCrypto(TestVectors.ENC1_APPID, TestVectors.ENC1_KEY);
		assertThatExceptionOfType(MessageCryptoException.class).isThrownBy(() -> official.decrypt(truncated))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_PADDING));
	}

	@Test
	void ciphertextOverOneMebibyteIsRejected() {
		assertRejected("A".repeat(1_500_000), Reason.TOO_LARGE);
		assertRejected(Base64.getEncoder().encodeToString(new byte[MessageCrypto.MAX_CIPHERTEXT_BYTES + 16]),
				Reason.TOO_LARGE);
	}

	@Test
	void padValueOutsideOneToThirtyTwoIsRejected() {
		byte[] zeroPad = new byte[32];
		assertRejected(seal(zeroPad), Reason.BAD_PADDING);
		byte[] bigPad = new byte[64];
		Arrays.fill(bigPad, (byte) 33);
		assertRejected(seal(bigPad), Reason.BAD_PADDING);
	}

	@Test
	void inconsistentPadBytesAreRejected() {
		byte[] padded = pad(frame(5, "hello", APPID));
		padded[padded.length - 2] ^= 0x01;
		assertRejected(seal(padded), Reason.BAD_PADDING);
	}

	@Test
	void wrongAppIdIsRejected() {
		assertRejected(seal(pad(frame(5, "hello", "wx0000000000000000"))), Reason.APPID_MISMATCH);
		assertRejected(seal(pad(frame(5, "hello", ""))), Reason.APPID_MISMATCH);
		MessageCrypto other = new MessageCrypto("wxOther", KEY);
		assertThatExceptionOfType(MessageCryptoException.class)
			.isThrownBy(() -> other.decrypt(TestVectors.ENC2_ENCRYPT_B))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.APPID_MISMATCH));
	}

	@Test
	void lengthFieldPastTheEndIsRejected() {
		assertRejected(seal(pad(frame(1000, "hello", APPID))), Reason.LENGTH_OUT_OF_RANGE);
		assertRejected(seal(pad(frame(6 + APPID.length(), "hello", APPID))), Reason.LENGTH_OUT_OF_RANGE);
	}

	@Test
	void hugeOrNegativeLengthFieldIsRejected() {
		assertRejected(seal(pad(frame(0x7fffffff, "hello", APPID))), Reason.LENGTH_OUT_OF_RANGE);
		assertRejected(seal(pad(frame(0x80000000, "hello", APPID))), Reason.LENGTH_OUT_OF_RANGE);
		assertRejected(seal(pad(frame(-1, "hello", APPID))), Reason.LENGTH_OUT_OF_RANGE);
	}

	@Test
	void plaintextShorterThanItsHeaderIsRejected() {
		assertRejected(seal(pad(new byte[16])), Reason.LENGTH_OUT_OF_RANGE);
	}

	@Test
	void handCraftedValidFrameDecrypts() {
		assertThat(this.crypto.decrypt(seal(pad(frame(5, "hello", APPID))))).isEqualTo("hello");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH",
					"abcdefghijklmnopqrstuvwxyz0123456789ABCDE+G", "abcdefghijklmnopqrstuvwxyz0123456789ABCDE/G",
					"abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=", "abcdefghijklmnopqrstuvwxyz0123456789ABCDE G" })
	void malformedKeysAreRejectedWithoutEchoingThem(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageCrypto(APPID, key))
			.withMessageNotContaining(key);
	}

	@Test
	void nullKeyAndBlankAppIdAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageCrypto(APPID, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageCrypto(APPID, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageCrypto(" ", KEY));
	}

	@Test
	void randomPrefixMustBeSixteenBytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.crypto.encrypt("x", new byte[15]));
		assertThatIllegalArgumentException().isThrownBy(() -> this.crypto.encrypt("x", null));
	}

	private void assertRejected(String ciphertext, Reason reason) {
		assertThatExceptionOfType(MessageCryptoException.class).isThrownBy(() -> this.crypto.decrypt(ciphertext))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(reason);
				assertThat(ex.getMessage()).doesNotContain(KEY)
					.doesNotContain(HexFormat.of().formatHex(RAW_KEY))
					.doesNotContain(Base64.getEncoder().encodeToString(RAW_KEY));
			});
	}

	private static byte[] frame(int declaredLength, String message, String appId) {
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		byte[] trailer = appId.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(20 + body.length + trailer.length)
			.put("0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
			.putInt(declaredLength)
			.put(body)
			.put(trailer)
			.array();
	}

	private static byte[] pad(byte[] data) {
		int pad = 32 - (data.length % 32);
		byte[] padded = Arrays.copyOf(data, data.length + pad);
		Arrays.fill(padded, data.length, padded.length, (byte) pad);
		return padded;
	}

	private static String seal(byte[] plain) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(RAW_KEY, "AES"), new IvParameterSpec(RAW_KEY, 0, 16));
			return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

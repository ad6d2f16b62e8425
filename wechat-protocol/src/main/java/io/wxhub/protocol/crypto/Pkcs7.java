package io.wxhub.protocol.crypto;

import java.util.Arrays;

import io.wxhub.protocol.crypto.MessageCryptoException.Reason;

/**
 * PKCS#7 padding with WeChat's block size of 32 bytes (twice the AES block size).
 */
final class Pkcs7 {

	static final int BLOCK_SIZE = 32;

	private Pkcs7() {
	}

	static byte[] pad(byte[] data) {
		int pad = BLOCK_SIZE - (data.length % BLOCK_SIZE);
		byte[] padded = Arrays.copyOf(data, data.length + pad);
		Arrays.fill(padded, data.length, padded.length, (byte) pad);
		return padded;
	}

	static int unpaddedLength(byte[] padded) {
		int pad = padded[padded.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK_SIZE || pad > padded.length) {
			throw new MessageCryptoException(Reason.BAD_PADDING, "Invalid padding value " + pad);
		}
		int mismatch = 0;
		for (int i = padded.length - pad; i < padded.length; i++) {
			mismatch |= (padded[i] & 0xff) ^ pad;
		}
		if (mismatch != 0) {
			throw new MessageCryptoException(Reason.BAD_PADDING, "Inconsistent padding bytes");
		}
		return padded.length - pad;
	}

}

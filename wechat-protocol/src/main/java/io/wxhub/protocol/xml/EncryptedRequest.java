package io.wxhub.protocol.xml;

import java.util.Objects;

/**
 * The body WeChat pushes in safe or compatible mode.
 *
 * @param toUserName {@code ToUserName}: the account's original id, or {@code null}
 * @param encrypt {@code Encrypt}: the Base64 ciphertext of the message XML
 */
public record EncryptedRequest(String toUserName, String encrypt) {

	public EncryptedRequest {
		Objects.requireNonNull(encrypt, "encrypt must not be null");
	}

}

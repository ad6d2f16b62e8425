package io.wxhub.sandbox.push;

import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.xml.SecureMessageCodec;
import io.wxhub.protocol.xml.XmlCodec;

/**
 * An account as the developer's server knows it.
 *
 * @param appId the AppID
 * @param secret the AppSecret, for API calls
 * @param originalId the original id
 * @param token the callback Token
 * @param aesKey the EncodingAESKey
 * @param mode {@code plain}, {@code compatible} or {@code safe}
 */
public record CallbackAccount(String appId, String secret, String originalId, String token, String aesKey,
		String mode) {

	/**
	 * @return the account side of safe mode
	 */
	public SecureMessageCodec codec() {
		return new SecureMessageCodec(new XmlCodec(), new MessageCrypto(this.appId, this.aesKey), this.token);
	}

}

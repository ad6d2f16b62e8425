package io.wxhub.messageservice.callback;

import io.wxhub.messageservice.system.MessageServiceProperties.App;
import io.wxhub.messageservice.system.MessageServiceProperties.Mode;
import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.xml.SecureMessageCodec;
import io.wxhub.protocol.xml.XmlCodec;

/**
 * A callback account with its codecs: signatures with the Token, and (compatible and safe
 * modes) message crypto with the EncodingAESKey.
 *
 * @param app its configuration
 * @param secure signature checks and, when an AES key is configured, crypto
 */
record Account(App app, SecureMessageCodec secure) {

	static Account of(App app, XmlCodec codec) {
		String key = app.aesKey();
		if (app.mode() != Mode.PLAIN && (key == null || key.isBlank())) {
			throw new IllegalArgumentException("App " + app.appId() + " in " + app.mode() + " mode needs an aes-key");
		}
		// Plain-mode apps still verify signatures through the codec; their crypto is
		// never used.
		String effectiveKey = (key != null && !key.isBlank()) ? key : "A".repeat(43);
		return new Account(app,
				new SecureMessageCodec(codec, new MessageCrypto(app.appId(), effectiveKey), app.token()));
	}

}

package io.wxhub.sandbox.push;

import java.util.Map;

import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.xml.XmlCodec;

/**
 * A request the {@link FakeDeveloperServer} got.
 *
 * @param account the account whose path it came to
 * @param method GET (URL check) or POST (push)
 * @param query the query parameters, in order
 * @param contentType the Content-Type, if any
 * @param body the body as sent
 * @param plaintext the message XML, decrypted if need be; {@code null} if that failed
 * @param message the parsed message, {@code null} if parsing failed
 * @param signed whether {@code signature} matched
 * @param problem why decrypting or parsing failed, {@code null} if it did not
 */
public record Received(CallbackAccount account, String method, Map<String, String> query, String contentType,
		String body, String plaintext, InboundMessage message, boolean signed, String problem) {

	public boolean encrypted() {
		return "aes".equals(this.query.get("encrypt_type"));
	}

	public Map<String, String> bodyFields() {
		return new XmlCodec().parseFields(this.body);
	}

}

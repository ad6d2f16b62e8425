package io.wxhub.sandbox.push;

import java.net.URI;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.message.GenericEvent;
import io.wxhub.protocol.message.GenericMessage;
import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.protocol.xml.EncryptedPush;
import io.wxhub.protocol.xml.SecureMessageCodec;
import io.wxhub.protocol.xml.XmlCodec;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.system.SandboxProperties.Mode;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One attempt's POST as WeChat sends it: a fresh timestamp, nonce and signatures; the
 * body plain, or in safe mode {@code ToUserName} and {@code Encrypt}, or in compatible
 * mode the plain elements and {@code Encrypt}.
 *
 * @param uri the callback URL with {@code signature}, {@code timestamp}, {@code nonce},
 * {@code openid} and, when encrypted, {@code encrypt_type=aes} and {@code msg_signature}
 * @param body the XML body
 * @param encrypted whether the body carries {@code Encrypt}
 */
record SignedPush(URI uri, String body, boolean encrypted) {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * @param xml the XML codec
	 * @param account the receiving account, with a callback URL and token
	 * @param message the message
	 * @param timestamp the {@code timestamp} to sign, epoch seconds
	 * @return the request of one attempt
	 */
	static SignedPush of(XmlCodec xml, Account account, InboundMessage message, long timestamp) {
		String ts = Long.toString(timestamp);
		String nonce = nonce();
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(account.callbackUrl())
			.queryParam("signature", WeChatSignature.sign(account.token(), ts, nonce))
			.queryParam("timestamp", ts)
			.queryParam("nonce", nonce)
			.queryParam("openid", message.fromUserName());
		if (account.mode() == Mode.PLAIN) {
			return new SignedPush(uri.encode().build().toUri(), xml.renderMessage(message), false);
		}
		SecureMessageCodec codec = new SecureMessageCodec(xml, new MessageCrypto(account.appId(), account.aesKey()),
				account.token());
		EncryptedPush push = codec.encryptMessage(message, ts, nonce);
		uri.queryParam("encrypt_type", "aes").queryParam("msg_signature", push.msgSignature());
		String body = (account.mode() == Mode.SAFE) ? push.body()
				: withEncrypt(xml, message, xml.parseEncryptedRequest(push.body()).encrypt());
		return new SignedPush(uri.encode().build().toUri(), body, true);
	}

	/**
	 * @return a nonce as WeChat's: a number of up to 10 digits
	 */
	static String nonce() {
		return Long.toString(1 + RANDOM.nextLong(9_999_999_999L));
	}

	// compatible mode: every plaintext element, then Encrypt
	private static String withEncrypt(XmlCodec xml, InboundMessage message, String encrypt) {
		Map<String, String> fields = new LinkedHashMap<>(message.fields());
		fields.put("Encrypt", encrypt);
		InboundMessage compatible = (message instanceof InboundEvent event)
				? new GenericEvent(message.header(), event.event(), null, fields)
				: new GenericMessage(message.header(), message.msgType(), null, fields);
		return xml.renderMessage(compatible);
	}

}

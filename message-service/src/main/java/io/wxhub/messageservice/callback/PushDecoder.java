package io.wxhub.messageservice.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.messageservice.system.MessageServiceProperties.Mode;
import io.wxhub.protocol.crypto.MessageCryptoException;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.xml.MalformedMessageException;
import io.wxhub.protocol.xml.XmlCodec;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns a push into a message, or refuses it: signature and timestamp window (403), mode
 * rules (a plain push to a safe-mode app, 403), {@code msg_signature} over Encrypt (403),
 * the appid inside the ciphertext (403), malformed XML or ciphertext (400), a ToUserName
 * that is not the account's (400).
 */
@Component
class PushDecoder {

	private final XmlCodec codec;

	private final Duration window;

	private final Clock clock;

	PushDecoder(XmlCodec codec, MessageServiceProperties properties, Clock clock) {
		this.codec = codec;
		this.window = properties.timestampWindow();
		this.clock = clock;
	}

	/** Checks the URL signature and the timestamp window. */
	void verify(Account account, PushParameters push) {
		if (!account.secure().verifySignature(push.signature(), push.timestamp(), push.nonce())) {
			throw new CallbackRejected(HttpStatus.FORBIDDEN, "bad-signature", "The signature does not match");
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(push.timestamp());
		}
		catch (NumberFormatException ex) {
			throw new CallbackRejected(HttpStatus.FORBIDDEN, "bad-timestamp", "The timestamp is not a number");
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(timestamp), this.clock.instant()).abs();
		if (skew.compareTo(this.window) > 0) {
			// Outside the window: a replay of an old push, or a clock far off.
			throw new CallbackRejected(HttpStatus.FORBIDDEN, "stale-timestamp", "The timestamp is outside the window");
		}
	}

	InboundMessage decode(Account account, PushParameters push, String body) {
		Mode mode = account.app().mode();
		boolean encrypted = push.encrypted();
		InboundMessage message;
		try {
			if (encrypted && mode != Mode.PLAIN) {
				message = account.secure().decryptMessage(body, push.msgSignature(), push.timestamp(), push.nonce());
			}
			else if (encrypted) {
				throw new CallbackRejected(HttpStatus.BAD_REQUEST, "encrypted-to-plain-app",
						"This app is in plain mode and holds no key");
			}
			else if (mode == Mode.SAFE) {
				throw new CallbackRejected(HttpStatus.FORBIDDEN, "plain-to-safe-app",
						"This app accepts encrypted pushes only");
			}
			else {
				message = this.codec.parseMessage(body);
			}
		}
		catch (MessageCryptoException ex) {
			throw switch (ex.getReason()) {
				case SIGNATURE_MISMATCH ->
					new CallbackRejected(HttpStatus.FORBIDDEN, "bad-msg-signature", "The msg_signature does not match");
				case APPID_MISMATCH -> new CallbackRejected(HttpStatus.FORBIDDEN, "wrong-appid",
						"The message was encrypted for another app");
				default -> new CallbackRejected(HttpStatus.BAD_REQUEST, "bad-ciphertext",
						"The ciphertext is malformed: " + ex.getReason());
			};
		}
		catch (MalformedMessageException ex) {
			throw new CallbackRejected(HttpStatus.BAD_REQUEST, "malformed-xml",
					"The message is malformed: " + ex.getReason());
		}
		if (!account.app().originalId().equals(message.toUserName())) {
			throw new CallbackRejected(HttpStatus.BAD_REQUEST, "wrong-to-user",
					"ToUserName is not this account's original id");
		}
		return message;
	}

}

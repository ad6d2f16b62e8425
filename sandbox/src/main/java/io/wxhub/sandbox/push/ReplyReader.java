package io.wxhub.sandbox.push;

import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.crypto.MessageCryptoException;
import io.wxhub.protocol.reply.ReplyEnvelope;
import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.protocol.xml.EncryptedReply;
import io.wxhub.protocol.xml.MalformedMessageException;
import io.wxhub.protocol.xml.XmlCodec;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.system.SandboxProperties.Mode;

/**
 * Checks a passive reply as WeChat does. An answer to an encrypted push may be the
 * encrypted envelope ({@code MsgSignature} over token, {@code TimeStamp}, {@code Nonce}
 * and {@code Encrypt}; the plaintext must end with the AppID); compatible mode also takes
 * a plaintext reply, safe mode does not, plain mode takes nothing else. The reply must go
 * to the follower from the account.
 */
final class ReplyReader {

	private ReplyReader() {
	}

	/**
	 * @param xml the XML codec
	 * @param account the answering account
	 * @param openid the follower who wrote
	 * @param body the 2xx answer, neither empty nor {@code success}
	 * @param encryptedRequest whether the push was encrypted
	 * @return the reply, or why it is invalid
	 */
	static ReadReply read(XmlCodec xml, Account account, String openid, String body, boolean encryptedRequest) {
		String plaintext = null;
		try {
			if (xml.parseFields(body).containsKey("Encrypt")) {
				if (!encryptedRequest) {
					return ReadReply.invalid("an encrypted reply to a plaintext push", null);
				}
				EncryptedReply envelope = xml.parseEncryptedReply(body);
				if (!WeChatSignature.verify(envelope.msgSignature(), account.token(), envelope.timeStamp(),
						envelope.nonce(), envelope.encrypt())) {
					return ReadReply.invalid("MsgSignature does not match", null);
				}
				plaintext = new MessageCrypto(account.appId(), account.aesKey()).decrypt(envelope.encrypt());
			}
			else if (account.mode() == Mode.SAFE) {
				return ReadReply.invalid("a plaintext reply in safe mode", null);
			}
			else {
				plaintext = body;
			}
			ReplyEnvelope reply = xml.parseReply(plaintext);
			if (!openid.equals(reply.header().toUserName())
					|| !account.originalId().equals(reply.header().fromUserName())) {
				return ReadReply.invalid("ToUserName must be the follower and FromUserName the account", plaintext);
			}
			return new ReadReply(reply, plaintext, null);
		}
		catch (MalformedMessageException | MessageCryptoException ex) {
			return ReadReply.invalid(ex.getMessage(), plaintext);
		}
	}

	/**
	 * A checked reply.
	 *
	 * @param reply the reply, {@code null} when invalid
	 * @param plaintext the plaintext reply XML, if it got that far
	 * @param problem why the reply is invalid, {@code null} when valid
	 */
	record ReadReply(ReplyEnvelope reply, String plaintext, String problem) {

		static ReadReply invalid(String problem, String plaintext) {
			return new ReadReply(null, plaintext, "invalid reply: " + problem);
		}

	}

}

package io.wxhub.sandbox.push;

import java.util.ArrayList;
import java.util.List;

import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.crypto.MessageCryptoException;
import io.wxhub.protocol.reply.ReplyEnvelope;
import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.protocol.xml.EncryptedReply;
import io.wxhub.protocol.xml.MalformedMessageException;
import io.wxhub.protocol.xml.XmlCodec;
import io.wxhub.sandbox.delivery.ReplyCheck;
import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.system.SandboxProperties.Mode;

/**
 * Checks a passive reply as WeChat does. An answer to an encrypted push may be the
 * encrypted envelope ({@code MsgSignature} over token, {@code TimeStamp}, {@code Nonce}
 * and {@code Encrypt}; the plaintext must end with the AppID); compatible mode also takes
 * a plaintext reply, safe mode does not, plain mode takes nothing else. The reply must go
 * to the follower from the account. Every check made is kept, up to the first that fails.
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
		List<ReplyCheck> checks = new ArrayList<>();
		String plaintext = null;
		String step = "xml";
		try {
			boolean encrypted = xml.parseFields(body).containsKey("Encrypt");
			checks.add(ReplyCheck.pass(step, "well-formed <xml>" + (encrypted ? " with <Encrypt>" : "")));
			step = "mode";
			if (encrypted) {
				if (!encryptedRequest) {
					return ReadReply.invalid(checks, step, "an encrypted reply to a plaintext push", null);
				}
				checks.add(ReplyCheck.pass(step, "an encrypted reply to an encrypted push"));
				step = "signature";
				EncryptedReply envelope = xml.parseEncryptedReply(body);
				if (!WeChatSignature.verify(envelope.msgSignature(), account.token(), envelope.timeStamp(),
						envelope.nonce(), envelope.encrypt())) {
					return ReadReply.invalid(checks, step, "MsgSignature does not match", null);
				}
				checks.add(ReplyCheck.pass(step, "MsgSignature matches the token"));
				step = "decryption";
				plaintext = new MessageCrypto(account.appId(), account.aesKey()).decrypt(envelope.encrypt());
				checks.add(ReplyCheck.pass(step, "decrypted with the EncodingAESKey, AppID " + account.appId()));
			}
			else if (account.mode() == Mode.SAFE) {
				return ReadReply.invalid(checks, step, "a plaintext reply in safe mode", null);
			}
			else {
				checks.add(ReplyCheck.pass(step, "a plaintext reply in " + mode(account) + " mode"));
				plaintext = body;
			}
			step = "reply";
			ReplyEnvelope reply = xml.parseReply(plaintext);
			checks.add(ReplyCheck.pass(step, "a " + reply.reply().msgType() + " reply"));
			boolean toFollower = openid.equals(reply.header().toUserName());
			boolean fromAccount = account.originalId().equals(reply.header().fromUserName());
			checks.add(addressCheck("toUserName", toFollower, "the follower", openid, reply.header().toUserName()));
			checks.add(addressCheck("fromUserName", fromAccount, "the account", account.originalId(),
					reply.header().fromUserName()));
			if (!toFollower || !fromAccount) {
				return new ReadReply(null, plaintext,
						"invalid reply: ToUserName must be the follower and FromUserName the account", checks);
			}
			return new ReadReply(reply, plaintext, null, checks);
		}
		catch (MalformedMessageException | MessageCryptoException ex) {
			return ReadReply.invalid(checks, step, ex.getMessage(), plaintext);
		}
	}

	private static ReplyCheck addressCheck(String check, boolean passed, String who, String expected, String actual) {
		return passed ? ReplyCheck.pass(check, expected + ", " + who)
				: ReplyCheck.fail(check, "is " + actual + ", must be " + who + " (" + expected + ")");
	}

	private static String mode(Account account) {
		return account.mode().name().toLowerCase();
	}

	/**
	 * A checked reply.
	 *
	 * @param reply the reply, {@code null} when invalid
	 * @param plaintext the plaintext reply XML, if it got that far
	 * @param problem why the reply is invalid, {@code null} when valid
	 * @param checks the checks made, in order
	 */
	record ReadReply(ReplyEnvelope reply, String plaintext, String problem, List<ReplyCheck> checks) {

		static ReadReply invalid(List<ReplyCheck> checks, String step, String problem, String plaintext) {
			checks.add(ReplyCheck.fail(step, problem));
			return new ReadReply(null, plaintext, "invalid reply: " + problem, checks);
		}

	}

}

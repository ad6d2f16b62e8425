package io.wxhub.protocol.xml;

import java.util.Objects;

import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.crypto.MessageCryptoException;
import io.wxhub.protocol.crypto.MessageCryptoException.Reason;
import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.ReplyEnvelope;
import io.wxhub.protocol.signature.WeChatSignature;

/**
 * Safe-mode message handling for one account: signature checks, encryption and XML
 * together. The account side decrypts pushes and encrypts replies; an emulator of WeChat
 * does the reverse. Thread-safe.
 */
public final class SecureMessageCodec {

	private final XmlCodec codec;

	private final MessageCrypto crypto;

	private final String token;

	/**
	 * Create a codec for one account.
	 * @param codec the XML codec
	 * @param crypto the account's message crypto
	 * @param token the callback token configured in the console
	 */
	public SecureMessageCodec(XmlCodec codec, MessageCrypto crypto, String token) {
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.crypto = Objects.requireNonNull(crypto, "crypto must not be null");
		this.token = Objects.requireNonNull(token, "token must not be null");
	}

	/**
	 * Check the URL {@code signature} sent with every push and with the URL check.
	 * @param signature the {@code signature} query parameter
	 * @param timestamp the {@code timestamp} query parameter
	 * @param nonce the {@code nonce} query parameter
	 * @return whether the signature matches
	 */
	public boolean verifySignature(String signature, String timestamp, String nonce) {
		return WeChatSignature.verify(signature, this.token, timestamp, nonce);
	}

	/**
	 * Verify {@code msg_signature} and decrypt an encrypted push to its plaintext XML.
	 * @param body the request body
	 * @param msgSignature the {@code msg_signature} query parameter
	 * @param timestamp the {@code timestamp} query parameter
	 * @param nonce the {@code nonce} query parameter
	 * @return the plaintext message XML
	 * @throws MessageCryptoException if the signature does not match or decryption fails
	 * @throws MalformedMessageException if the body is not an encrypted envelope
	 */
	public String decryptBody(String body, String msgSignature, String timestamp, String nonce) {
		String encrypt = this.codec.parseEncryptedRequest(body).encrypt();
		return open(encrypt, msgSignature, timestamp, nonce);
	}

	/**
	 * Verify, decrypt and parse an encrypted push.
	 * @param body the request body
	 * @param msgSignature the {@code msg_signature} query parameter
	 * @param timestamp the {@code timestamp} query parameter
	 * @param nonce the {@code nonce} query parameter
	 * @return the message
	 * @throws MessageCryptoException if the signature does not match or decryption fails
	 * @throws MalformedMessageException if the envelope or the message is invalid
	 */
	public InboundMessage decryptMessage(String body, String msgSignature, String timestamp, String nonce) {
		return this.codec.parseMessage(decryptBody(body, msgSignature, timestamp, nonce));
	}

	/**
	 * Encrypt and sign a plaintext reply body.
	 * @param plaintextXml the reply XML
	 * @param timestamp the {@code TimeStamp} to sign, in epoch seconds
	 * @param nonce the {@code Nonce} to sign; WeChat's guide echoes the request's nonce
	 * @return the encrypted reply body
	 */
	public String encryptBody(String plaintextXml, String timestamp, String nonce) {
		String encrypt = this.crypto.encrypt(plaintextXml);
		String signature = WeChatSignature.sign(this.token, timestamp, nonce, encrypt);
		return this.codec.renderEncryptedReply(new EncryptedReply(encrypt, signature, timestamp, nonce));
	}

	/**
	 * Render, encrypt and sign a passive reply.
	 * @param header the reply header, see {@link MessageHeader#reply(long)}
	 * @param reply the reply
	 * @param timestamp the {@code TimeStamp} to sign, in epoch seconds
	 * @param nonce the {@code Nonce} to sign
	 * @return the encrypted reply body
	 */
	public String encryptReply(MessageHeader header, Reply reply, String timestamp, String nonce) {
		return encryptBody(this.codec.renderReply(header, reply), timestamp, nonce);
	}

	/**
	 * Encrypt a message the way WeChat pushes it in safe mode (for emulators).
	 * @param message the message
	 * @param timestamp the {@code timestamp} query parameter to sign
	 * @param nonce the {@code nonce} query parameter to sign
	 * @return the body and its {@code msg_signature}
	 */
	public EncryptedPush encryptMessage(InboundMessage message, String timestamp, String nonce) {
		String encrypt = this.crypto.encrypt(this.codec.renderMessage(message));
		String body = this.codec.renderEncryptedRequest(new EncryptedRequest(message.toUserName(), encrypt));
		return new EncryptedPush(body, WeChatSignature.sign(this.token, timestamp, nonce, encrypt));
	}

	/**
	 * Verify, decrypt and parse an encrypted passive reply (for emulators). Callers
	 * handle the unencrypted {@code success} and empty answers before calling this.
	 * @param body the response body
	 * @return the reply and its header
	 * @throws MessageCryptoException if {@code MsgSignature} does not match or decryption
	 * fails
	 * @throws MalformedMessageException if the envelope or the reply is invalid
	 */
	public ReplyEnvelope decryptReply(String body) {
		EncryptedReply reply = this.codec.parseEncryptedReply(body);
		String xml = open(reply.encrypt(), reply.msgSignature(), reply.timeStamp(), reply.nonce());
		return this.codec.parseReply(xml);
	}

	private String open(String encrypt, String msgSignature, String timestamp, String nonce) {
		if (!WeChatSignature.verify(msgSignature, this.token, timestamp, nonce, encrypt)) {
			throw new MessageCryptoException(Reason.SIGNATURE_MISMATCH, "msg_signature does not match");
		}
		return this.crypto.decrypt(encrypt);
	}

}

package io.wxhub.sandbox.push;

import java.util.function.Function;

import io.wxhub.protocol.crypto.MessageCrypto;
import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.message.TextMessage;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.TextReply;
import io.wxhub.protocol.xml.EncryptedReply;
import io.wxhub.protocol.xml.SecureMessageCodec;
import io.wxhub.protocol.xml.XmlCodec;
import io.wxhub.sandbox.push.FakeDeveloperServer.Answer;

/**
 * How the {@link FakeDeveloperServer} can answer, built with wechat-protocol's account
 * side.
 */
public final class Answers {

	private static final XmlCodec XML = new XmlCodec();

	private Answers() {
	}

	/**
	 * Unscripted answers: {@code echostr} to a well-signed URL check, a text reply
	 * {@code echo: ...} to a well-signed push (encrypted if the push was), 403 otherwise.
	 */
	static Answer standard(Received request) {
		if (!request.signed() || request.problem() != null) {
			return new Answer(403, "refused: " + request.problem(), 0);
		}
		if (request.method().equals("GET")) {
			return new Answer(200, request.query().get("echostr"), 0);
		}
		return reply(new TextReply("echo: " + describe(request))).apply(request);
	}

	static String describe(Received request) {
		if (request.message() instanceof TextMessage text) {
			return text.content();
		}
		return (request.message() instanceof InboundEvent event) ? event.event() : request.message().msgType();
	}

	/** A passive reply, encrypted when the push was. */
	public static Function<Received, Answer> reply(Reply reply) {
		return (request) -> new Answer(200, render(request, reply, request.encrypted(), header(request)), 0);
	}

	/** A passive reply in plaintext, whatever the push was. */
	public static Function<Received, Answer> plainReply(Reply reply) {
		return (request) -> new Answer(200, render(request, reply, false, header(request)), 0);
	}

	/** A reply (encrypted when the push was) to someone else than the sender. */
	public static Function<Received, Answer> replyTo(String openid, Reply reply) {
		return (request) -> new Answer(200, render(request, reply, request.encrypted(),
				new MessageHeader(openid, request.account().originalId(), 1)), 0);
	}

	/** An encrypted reply whose MsgSignature was altered. */
	public static Function<Received, Answer> badSignature(Reply reply) {
		return (request) -> {
			EncryptedReply signed = XML.parseEncryptedReply(render(request, reply, true, header(request)));
			return new Answer(200,
					XML.renderEncryptedReply(
							new EncryptedReply(signed.encrypt(), "0".repeat(40), signed.timeStamp(), signed.nonce())),
					0);
		};
	}

	/** An encrypted reply, correctly signed, but encrypted for another AppID. */
	public static Function<Received, Answer> otherAppId(Reply reply) {
		return (request) -> {
			CallbackAccount account = request.account();
			SecureMessageCodec other = new SecureMessageCodec(XML,
					new MessageCrypto("wxsomeoneelse00001", account.aesKey()), account.token());
			return new Answer(200, other.encryptReply(header(request), reply, "1700000000", "42"), 0);
		};
	}

	/** Any status and body. */
	public static Function<Received, Answer> body(int status, String body) {
		return (request) -> new Answer(status, body, 0);
	}

	/** Another answer, after a wait. */
	public static Function<Received, Answer> late(long millis, Function<Received, Answer> then) {
		return (request) -> {
			Answer answer = then.apply(request);
			return new Answer(answer.status(), answer.body(), millis);
		};
	}

	private static MessageHeader header(Received request) {
		return request.message().header().reply(request.message().createTime() + 1);
	}

	private static String render(Received request, Reply reply, boolean encrypt, MessageHeader header) {
		return encrypt
				? request.account()
					.codec()
					.encryptReply(header, reply, request.query().get("timestamp"), request.query().get("nonce"))
				: XML.renderReply(header, reply);
	}

}

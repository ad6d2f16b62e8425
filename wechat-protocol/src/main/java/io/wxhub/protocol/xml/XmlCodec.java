package io.wxhub.protocol.xml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.wxhub.protocol.message.InboundMessage;
import io.wxhub.protocol.message.MessageHeader;
import io.wxhub.protocol.reply.Reply;
import io.wxhub.protocol.reply.ReplyEnvelope;

/**
 * Parses and renders the XML bodies exchanged with WeChat's callback: pushed messages,
 * passive replies and the encrypted envelopes. Parsing refuses DTDs and entities and is
 * bounded by {@link XmlLimits}. Thread-safe.
 */
public final class XmlCodec {

	private final XmlLimits limits;

	/**
	 * Create a codec with {@link XmlLimits#DEFAULT}.
	 */
	public XmlCodec() {
		this(XmlLimits.DEFAULT);
	}

	/**
	 * Create a codec with the given limits.
	 * @param limits the size limits
	 */
	public XmlCodec(XmlLimits limits) {
		this.limits = Objects.requireNonNull(limits, "limits must not be null");
	}

	/**
	 * Parse a body into its elements without interpreting them.
	 * @param xml the body
	 * @return element path to value, in document order, see
	 * {@link InboundMessage#fields()}
	 * @throws MalformedMessageException if the body is not acceptable
	 */
	public Map<String, String> parseFields(String xml) {
		return Collections.unmodifiableMap(XmlReader.read(xml, this.limits));
	}

	/**
	 * Parse a pushed message or event.
	 * @param xml the plaintext body
	 * @return the typed message; unknown types give a generic record
	 * @throws MalformedMessageException if the body or a required element is invalid
	 */
	public InboundMessage parseMessage(String xml) {
		return MessageMapper.toMessage(XmlReader.read(xml, this.limits));
	}

	/**
	 * Render a message as WeChat pushes it.
	 * @param message the message
	 * @return the XML body
	 */
	public String renderMessage(InboundMessage message) {
		return XmlWriter.write(message.fields());
	}

	/**
	 * Parse a passive reply.
	 * @param xml the plaintext reply body
	 * @return the reply and its header
	 * @throws MalformedMessageException if the body or a required element is invalid
	 */
	public ReplyEnvelope parseReply(String xml) {
		return ReplyMapper.toReply(XmlReader.read(xml, this.limits));
	}

	/**
	 * Render a passive reply.
	 * @param header the follower as {@code toUserName}, the account as
	 * {@code fromUserName}; see {@link MessageHeader#reply(long)}
	 * @param reply the reply
	 * @return the XML body
	 */
	public String renderReply(MessageHeader header, Reply reply) {
		Objects.requireNonNull(header, "header must not be null");
		Objects.requireNonNull(reply, "reply must not be null");
		return XmlWriter.write(ReplyMapper.toFields(header, reply));
	}

	/**
	 * Render a passive reply.
	 * @param envelope the reply and its header
	 * @return the XML body
	 */
	public String renderReply(ReplyEnvelope envelope) {
		return renderReply(envelope.header(), envelope.reply());
	}

	/**
	 * Parse an encrypted push; plaintext elements of compatible mode are ignored.
	 * @param xml the body
	 * @return its {@code ToUserName} and {@code Encrypt}
	 * @throws MalformedMessageException if the body is invalid or has no {@code Encrypt}
	 */
	public EncryptedRequest parseEncryptedRequest(String xml) {
		FieldReader in = new FieldReader(XmlReader.read(xml, this.limits));
		return new EncryptedRequest(in.optional("ToUserName"), in.required("Encrypt"));
	}

	/**
	 * Render an encrypted push as WeChat sends it in safe mode.
	 * @param request the envelope
	 * @return the XML body
	 */
	public String renderEncryptedRequest(EncryptedRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (request.toUserName() != null) {
			fields.put("ToUserName", request.toUserName());
		}
		fields.put("Encrypt", request.encrypt());
		return XmlWriter.write(fields);
	}

	/**
	 * Parse an encrypted passive reply.
	 * @param xml the body
	 * @return the four elements
	 * @throws MalformedMessageException if the body is invalid or an element is missing
	 */
	public EncryptedReply parseEncryptedReply(String xml) {
		FieldReader in = new FieldReader(XmlReader.read(xml, this.limits));
		return new EncryptedReply(in.required("Encrypt"), in.required("MsgSignature"), in.required("TimeStamp"),
				in.required("Nonce"));
	}

	/**
	 * Render an encrypted passive reply: {@code Encrypt}, {@code MsgSignature},
	 * {@code TimeStamp} and {@code Nonce}, in that order.
	 * @param reply the envelope
	 * @return the XML body
	 */
	public String renderEncryptedReply(EncryptedReply reply) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Encrypt", reply.encrypt());
		fields.put("MsgSignature", reply.msgSignature());
		fields.put("TimeStamp", reply.timeStamp());
		fields.put("Nonce", reply.nonce());
		return XmlWriter.write(fields);
	}

}

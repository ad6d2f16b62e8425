package io.wxhub.protocol.message;

import java.util.Map;

/**
 * A message or event that WeChat pushes to the account's callback URL.
 * <p>
 * {@link #fields()} holds every element as a string keyed by its name; nested elements
 * use dotted paths such as {@code ScanCodeInfo.ScanType}, repeated {@code item} and
 * {@code List} elements an index such as {@code Articles.item[0].Title}. The typed
 * components are authoritative; other entries are kept as received.
 */
public sealed interface InboundMessage permits TextMessage, ImageMessage, VoiceMessage, VideoMessage, ShortVideoMessage,
		LocationMessage, LinkMessage, GenericMessage, InboundEvent {

	/**
	 * Return the addressing elements.
	 * @return the header
	 */
	MessageHeader header();

	/**
	 * Return the {@code MsgType} element.
	 * @return the message type, such as {@code text} or {@code event}
	 */
	String msgType();

	/**
	 * Return the 64-bit {@code MsgId} (or {@code MsgID}).
	 * @return the message id, or {@code null} if the message has none
	 */
	Long msgId();

	/**
	 * Return all elements as strings, in wire order.
	 * @return an unmodifiable map of element path to value
	 */
	Map<String, String> fields();

	/**
	 * Return {@code ToUserName}: the account's original id.
	 * @return the recipient
	 */
	default String toUserName() {
		return header().toUserName();
	}

	/**
	 * Return {@code FromUserName}: the sender's OpenID.
	 * @return the sender
	 */
	default String fromUserName() {
		return header().fromUserName();
	}

	/**
	 * Return {@code CreateTime} in epoch seconds.
	 * @return the creation time
	 */
	default long createTime() {
		return header().createTime();
	}

	/**
	 * Return a key that identifies retries of this push: WeChat re-sends a message up to
	 * three times when the callback does not answer within 5 seconds.
	 * @return {@code MsgId-CreateTime-FromUserName}, or
	 * {@code CreateTime-FromUserName-MsgType} for messages without an id
	 */
	default String deduplicationKey() {
		Long msgId = msgId();
		return (msgId != null) ? msgId + "-" + createTime() + "-" + fromUserName()
				: createTime() + "-" + fromUserName() + "-" + msgType();
	}

}

package io.wxhub.protocol.reply;

/**
 * A passive reply: the XML body returned to WeChat in the callback response.
 */
public sealed interface Reply
		permits TextReply, ImageReply, VoiceReply, VideoReply, MusicReply, NewsReply, TransferCustomerServiceReply {

	/**
	 * Return the reply's {@code MsgType}.
	 * @return the message type, such as {@code text} or {@code news}
	 */
	String msgType();

}

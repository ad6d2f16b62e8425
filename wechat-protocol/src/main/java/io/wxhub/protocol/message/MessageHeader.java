package io.wxhub.protocol.message;

import java.util.Objects;

/**
 * The addressing elements shared by every pushed message and every passive reply.
 *
 * @param toUserName {@code ToUserName}: the account's original id ({@code gh_...}) on
 * pushes, the follower's OpenID on replies
 * @param fromUserName {@code FromUserName}: the follower's OpenID on pushes, the
 * account's original id on replies
 * @param createTime {@code CreateTime} in epoch seconds
 */
public record MessageHeader(String toUserName, String fromUserName, long createTime) {

	public MessageHeader {
		Objects.requireNonNull(toUserName, "toUserName must not be null");
		Objects.requireNonNull(fromUserName, "fromUserName must not be null");
	}

	/**
	 * Return the header of a reply to the message with this header: the two addresses are
	 * swapped.
	 * @param createTime the reply's {@code CreateTime} in epoch seconds
	 * @return the reply header
	 */
	public MessageHeader reply(long createTime) {
		return new MessageHeader(this.fromUserName, this.toUserName, createTime);
	}

}

package io.wxhub.sandbox.conversation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One line of a follower's chat with an account, as the follower's screen would show it.
 *
 * @param at when it happened (sandbox clock)
 * @param direction {@code in} from the follower, {@code out} to the follower
 * @param kind what it was
 * @param msgType the message type: {@code MsgType} of pushes and passive replies,
 * {@code msgtype} of customer-service messages
 * @param summary a one-line description: the text itself, or the media or event in
 * brackets
 * @param body what was exchanged: the plaintext XML of a push or a passive reply, the
 * JSON of a customer-service message, the refused answer behind a notice (or
 * {@code null})
 */
public record ConversationEntry(Instant at, Direction direction, Kind kind, String msgType, String summary,
		Object body) {

	/**
	 * Which way a line went.
	 */
	public enum Direction {

		/** From the follower to the account. */
		IN,
		/** From the account (or WeChat) to the follower. */
		OUT;

		@JsonValue
		String value() {
			return name().toLowerCase();
		}

	}

	/**
	 * What a line was.
	 */
	public enum Kind {

		/** A message or event the follower sent, pushed to the callback URL. */
		MESSAGE("message"),
		/** The callback's answer to a push. */
		PASSIVE_REPLY("passive-reply"),
		/** A message sent through {@code /cgi-bin/message/custom/send}. */
		CUSTOMER_SERVICE("customer-service"),
		/** WeChat's notice that the account could not answer. */
		UNAVAILABLE("unavailable");

		private final String value;

		Kind(String value) {
			this.value = value;
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

}

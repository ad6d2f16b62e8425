package io.wxhub.sandbox.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a follower's message went, as answered by
 * {@code /sandbox/apps/{appId}/followers/{openid}/send}.
 *
 * @param outcome {@code reply}, {@code empty} (empty body or {@code success}) or
 * {@code unavailable} (every attempt failed, or the answer was invalid)
 * @param attempts how many requests were sent
 * @param msgId the {@code MsgId} (or {@code MsgID}) pushed, absent for other events
 * @param reply the passive reply, {@code null} without a valid one
 * @param rawReply the plaintext reply XML (decrypted if need be), {@code null} without
 * one
 * @param responseBody the body of the 2xx answer exactly, {@code null} without one
 * @param shown what the follower's screen shows: the text, the media or news in brackets,
 * or the unavailable notice; {@code null} for nothing
 * @param problem why the follower sees the unavailable notice, {@code null} otherwise
 * @param deliveryId the delivery's entry in {@code /sandbox/apps/{appId}/deliveries}
 */
record PushResult(Outcome outcome, int attempts, @JsonInclude(Include.NON_NULL) Long msgId, ReplyView reply,
		String rawReply, String responseBody, String shown, @JsonInclude(Include.NON_NULL) String problem,
		@JsonInclude(Include.NON_NULL) Long deliveryId) {

	PushResult withDeliveryId(long id) {
		return new PushResult(this.outcome, this.attempts, this.msgId, this.reply, this.rawReply, this.responseBody,
				this.shown, this.problem, id);
	}

	/**
	 * How the callback answered.
	 */
	enum Outcome {

		/** A valid passive reply. */
		REPLY,
		/** An empty body or {@code success}: nothing to show. */
		EMPTY,
		/** No valid answer: WeChat tells the follower the account is unavailable. */
		UNAVAILABLE;

		@JsonValue
		String value() {
			return name().toLowerCase();
		}

	}

}

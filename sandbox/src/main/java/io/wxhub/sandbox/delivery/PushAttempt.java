package io.wxhub.sandbox.delivery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One request of a push to the account's callback URL.
 *
 * @param number 1 for the first attempt
 * @param sentAt when it was sent (real time, as the signed {@code timestamp})
 * @param status the HTTP status of the answer, {@code null} without one
 * @param error why there was no answer (timeout, connection), {@code null} with one
 * @param elapsedMillis how long the answer (or the failure) took
 * @param dropped whether the answer was lost on purpose ({@code dropResponses}), so that
 * the attempt counts as failed whatever it answered
 */
public record PushAttempt(int number, Instant sentAt, @JsonInclude(Include.NON_NULL) Integer status,
		@JsonInclude(Include.NON_NULL) String error, long elapsedMillis, boolean dropped) {

	/**
	 * @return whether this attempt ended the delivery: a 2xx answer, not dropped
	 */
	public boolean isSucceeded() {
		return !this.dropped && this.status != null && this.status >= 200 && this.status < 300;
	}

}

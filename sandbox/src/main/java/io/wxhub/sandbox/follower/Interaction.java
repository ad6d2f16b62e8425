package io.wxhub.sandbox.follower;

import java.time.Duration;
import java.time.Instant;

import io.wxhub.sandbox.follower.Follower.Window;

/**
 * What a follower did that lets the account answer with customer-service messages, and
 * how many messages within which time each one allows (WeChat's table).
 */
public enum Interaction {

	/** Sent a message: 5 messages within 48 hours. */
	MESSAGE(5, Duration.ofHours(48)),
	/**
	 * Clicked a {@code click}, {@code scancode_push} or {@code scancode_waitmsg} button:
	 * 3 within 1 minute.
	 */
	MENU_CLICK(3, Duration.ofMinutes(1)),
	/** Followed the account: 3 within 1 minute. */
	SUBSCRIBE(3, Duration.ofMinutes(1)),
	/** Scanned a parametric QR code: 3 within 1 minute. */
	QR_SCAN(3, Duration.ofMinutes(1)),
	/** Paid (service accounts): any number within 48 hours. */
	PAYMENT(null, Duration.ofHours(48));

	private final Integer messages;

	private final Duration window;

	Interaction(Integer messages, Duration window) {
		this.messages = messages;
		this.window = window;
	}

	/**
	 * @param at when the interaction happened
	 * @return the window it opens
	 */
	public Window windowFrom(Instant at) {
		return new Window(this, at, at.plus(this.window), this.messages);
	}

}

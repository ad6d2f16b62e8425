package io.wxhub.client;

import java.time.Duration;
import java.time.Instant;

/**
 * A token or ticket as this JVM holds it.
 *
 * @param value the token or ticket; never in {@link #toString()}
 * @param expiresAt never handed out from this instant on
 * @param cacheUntil handed out from the cache until this instant, asked for again after
 */
record Credential(String value, Instant expiresAt, Instant cacheUntil) {

	/**
	 * A credential is reused until {@value #MARGIN_SECONDS} s before its expiry: what a
	 * caller is handed is still valid when its call reaches WeChat.
	 */
	static final long MARGIN_SECONDS = 5;

	/**
	 * What the token server answered, held until the earlier of its expiry less the
	 * margin and {@code maxAge} after the answer. The expiry is the server's
	 * {@code expiresAt}, and at the latest the answer's arrival plus {@code expiresIn}
	 * (whole seconds, so plus one), so that a clock running behind the server's cannot
	 * stretch a credential's life.
	 */
	static Credential of(Answers.Issued issued, Instant receivedAt, Duration maxAge) {
		Instant byLifetime = receivedAt.plusSeconds(issued.expiresIn() + 1);
		Instant expiry = byLifetime.isBefore(issued.expiresAt()) ? byLifetime : issued.expiresAt();
		Instant byMargin = expiry.minusSeconds(MARGIN_SECONDS);
		Instant byAge = receivedAt.plus(maxAge);
		return new Credential(issued.value(), expiry, byAge.isBefore(byMargin) ? byAge : byMargin);
	}

	/** Whether it may be handed out at all. */
	boolean usableAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}

	/** Whether it may be handed out from the cache without asking the server. */
	boolean freshAt(Instant now) {
		return now.isBefore(this.cacheUntil);
	}

	@Override
	public String toString() {
		return "Credential[expiresAt=" + this.expiresAt + ", cacheUntil=" + this.cacheUntil + ", value=***]";
	}

}

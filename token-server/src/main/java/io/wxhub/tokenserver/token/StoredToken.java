package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.time.Instant;

/**
 * A credential as kept in Redis and in each replica's near-cache.
 *
 * @param value the token or ticket itself
 * @param fetchedAt when the upstream call that issued it started
 * @param expiresAt when it stops being served (WeChat's expiry less a safety margin)
 * @param refreshAt from when on a proactive refresh is due
 */
public record StoredToken(String value, Instant fetchedAt, Instant expiresAt, Instant refreshAt) {

	private static final char SEPARATOR = '|';

	/** True while the token may still be handed out. */
	public boolean usableAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}

	/** True once a refresh is due. */
	public boolean refreshDueAt(Instant now) {
		return !now.isBefore(this.refreshAt);
	}

	/** Whole seconds left until {@link #expiresAt()}, never negative. */
	public long secondsLeftAt(Instant now) {
		return Math.max(0, Duration.between(now, this.expiresAt).toSeconds());
	}

	/** The compact form stored in Redis. */
	String serialize() {
		return this.fetchedAt.toEpochMilli() + "" + SEPARATOR + this.expiresAt.toEpochMilli() + SEPARATOR
				+ this.refreshAt.toEpochMilli() + SEPARATOR + this.value;
	}

	/** Parses {@link #serialize()}'s form; null for null. */
	static StoredToken deserialize(String stored) {
		if (stored == null) {
			return null;
		}
		String[] parts = stored.split("\\|", 4);
		return new StoredToken(parts[3], Instant.ofEpochMilli(Long.parseLong(parts[0])),
				Instant.ofEpochMilli(Long.parseLong(parts[1])), Instant.ofEpochMilli(Long.parseLong(parts[2])));
	}

	@Override
	public String toString() {
		return "StoredToken[expiresAt=" + this.expiresAt + ", value=***]";
	}

}

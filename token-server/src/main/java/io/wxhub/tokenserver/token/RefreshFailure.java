package io.wxhub.tokenserver.token;

import java.time.Instant;

/**
 * Why the last refresh of a credential failed, and until when no new attempt is made.
 * Shared through Redis so that every replica backs off together.
 *
 * @param errcode WeChat's errcode, or -1 for transport failures
 * @param errmsg WeChat's errmsg or a short description
 * @param kind what sort of failure it was
 * @param at when it happened
 * @param blockedUntil no upstream call before this instant
 */
public record RefreshFailure(int errcode, String errmsg, Kind kind, Instant at, Instant blockedUntil) {

	/** Sorts of failure, as shown in health. */
	public enum Kind {

		/** -1, 5xx, timeouts: retried after a short pause. */
		TRANSIENT,
		/** Wrong AppID, AppSecret, IP whitelist…: needs an operator. */
		CONFIGURATION,
		/** WeChat's daily quota is spent (45009). */
		QUOTA_EXHAUSTED,
		/** This server's own daily budget is spent. */
		BUDGET_EXHAUSTED

	}

	/** True while no upstream call may be made. */
	public boolean blocksAt(Instant now) {
		return now.isBefore(this.blockedUntil);
	}

	String serialize() {
		return this.errcode + "|" + this.kind.name() + "|" + this.at.toEpochMilli() + "|"
				+ this.blockedUntil.toEpochMilli() + "|" + this.errmsg;
	}

	static RefreshFailure deserialize(String stored) {
		if (stored == null) {
			return null;
		}
		String[] parts = stored.split("\\|", 5);
		return new RefreshFailure(Integer.parseInt(parts[0]), parts[4], Kind.valueOf(parts[1]),
				Instant.ofEpochMilli(Long.parseLong(parts[2])), Instant.ofEpochMilli(Long.parseLong(parts[3])));
	}

}

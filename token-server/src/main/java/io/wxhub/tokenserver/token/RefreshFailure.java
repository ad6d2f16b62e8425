package io.wxhub.tokenserver.token;

import java.time.Instant;

import io.wxhub.protocol.error.WeChatError;

/**
 * Why the last refresh of a credential failed, and until when no new attempt is made.
 * Shared through Redis so that every replica backs off together.
 *
 * @param error WeChat's errcode and errmsg; -1 and a short description for transport
 * failures, 45009 and a description for this server's own budget
 * @param kind what sort of failure it was
 * @param at when it happened
 * @param blockedUntil no upstream call before this instant
 */
public record RefreshFailure(WeChatError error, Kind kind, Instant at, Instant blockedUntil) {

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
		return this.error.errcode() + "|" + this.kind.name() + "|" + this.at.toEpochMilli() + "|"
				+ this.blockedUntil.toEpochMilli() + "|" + this.error.errmsg();
	}

	static RefreshFailure deserialize(String stored) {
		if (stored == null) {
			return null;
		}
		String[] parts = stored.split("\\|", 5);
		return new RefreshFailure(new WeChatError(Integer.parseInt(parts[0]), parts[4]), Kind.valueOf(parts[1]),
				Instant.ofEpochMilli(Long.parseLong(parts[2])), Instant.ofEpochMilli(Long.parseLong(parts[3])));
	}

}

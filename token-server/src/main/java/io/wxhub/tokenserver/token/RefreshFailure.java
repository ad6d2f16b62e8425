package io.wxhub.tokenserver.token;

import java.time.Instant;
import java.time.LocalDate;

import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.tokenserver.system.TokenServerProperties.Upstream;

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

	/**
	 * The failure WeChat's refusal (or a transport failure, as -1) stands for: 45009
	 * blocks until midnight China time, a configuration error for
	 * {@code config-error-backoff}, anything else for {@code failure-backoff}.
	 */
	static RefreshFailure refused(WeChatError error, Instant now, Upstream upstream) {
		if (error.isQuotaExhausted()) {
			return new RefreshFailure(error, Kind.QUOTA_EXHAUSTED, now, nextChinaMidnight(now));
		}
		if (error.isConfigurationError()) {
			return new RefreshFailure(error, Kind.CONFIGURATION, now, now.plus(upstream.configErrorBackoff()));
		}
		return new RefreshFailure(error, Kind.TRANSIENT, now, now.plus(upstream.failureBackoff()));
	}

	/**
	 * This server's own daily budget is spent: shown as 45009, blocking until midnight
	 * China time like WeChat's quota.
	 */
	static RefreshFailure budgetExhausted(String description, Instant now) {
		return new RefreshFailure(new WeChatError(WeChatErrorCode.DAILY_QUOTA_EXCEEDED.code(), description),
				Kind.BUDGET_EXHAUSTED, now, nextChinaMidnight(now));
	}

	/** WeChat's daily quotas reset at midnight China time. */
	private static Instant nextChinaMidnight(Instant now) {
		return LocalDate.ofInstant(now, TokenStore.QUOTA_ZONE)
			.plusDays(1)
			.atStartOfDay(TokenStore.QUOTA_ZONE)
			.toInstant();
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

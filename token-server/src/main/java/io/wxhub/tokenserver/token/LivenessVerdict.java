package io.wxhub.tokenserver.token;

/**
 * What WeChat said about an access token a caller reported as rejected, as shared through
 * Redis for one liveness-check window.
 *
 * @param fingerprint identifies the token checked without holding it (see
 * {@link LivenessCheck})
 * @param state the verdict, or {@link State#PENDING} while the check runs
 */
public record LivenessVerdict(String fingerprint, State state) {

	/** The possible verdicts. */
	public enum State {

		/** The check is under way. */
		PENDING,
		/** WeChat accepts the token: the caller's rejection was wrong. */
		ALIVE,
		/** WeChat answered 40001, 40014 or 42001. */
		DEAD,
		/** WeChat could not tell (-1, another errcode, a transport failure). */
		UNKNOWN;

		/** The metric tag value. */
		String tag() {
			return name().toLowerCase();
		}

	}

	String serialize() {
		return this.fingerprint + "|" + this.state.name();
	}

	static LivenessVerdict deserialize(String stored) {
		if (stored == null) {
			return null;
		}
		int separator = stored.lastIndexOf('|');
		return new LivenessVerdict(stored.substring(0, separator), State.valueOf(stored.substring(separator + 1)));
	}

}

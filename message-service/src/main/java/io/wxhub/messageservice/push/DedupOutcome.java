package io.wxhub.messageservice.push;

/**
 * What Redis knows of a message, as one replica sees it: nothing, a claim that another
 * replica is still working on, or the answer WeChat was given.
 */
public sealed interface DedupOutcome permits DedupOutcome.Unknown, DedupOutcome.Pending, DedupOutcome.Done {

	/** The shared instance of {@link Unknown}. */
	DedupOutcome UNKNOWN = new Unknown();

	/** The shared instance of {@link Pending}. */
	DedupOutcome PENDING = new Pending();

	/**
	 * Nothing is recorded: the message is new, or the claim of a replica that died has
	 * lapsed.
	 */
	record Unknown() implements DedupOutcome {

	}

	/**
	 * A replica has claimed the message and is still working on it (or Redis could not
	 * tell).
	 */
	record Pending() implements DedupOutcome {

	}

	/**
	 * The message has been answered.
	 *
	 * @param body the exact answer WeChat was given; empty for an empty 200
	 */
	record Done(String body) implements DedupOutcome {

	}

}

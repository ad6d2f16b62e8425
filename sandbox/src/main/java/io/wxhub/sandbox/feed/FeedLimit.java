package io.wxhub.sandbox.feed;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The {@code limit} parameter of a feed's listing.
 */
public final class FeedLimit {

	/** Entries listed when the request names no limit. */
	public static final int DEFAULT = 50;

	private FeedLimit() {
	}

	/**
	 * @param limit the requested limit, {@code null} for the default
	 * @param max the most a feed keeps
	 * @return the limit to apply
	 * @throws ResponseStatusException 400 outside 1 to {@code max}
	 */
	public static int check(Integer limit, int max) {
		if (limit == null) {
			return Math.min(DEFAULT, max);
		}
		if (limit < 1 || limit > max) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + max);
		}
		return limit;
	}

}

package io.wxhub.tokenserver.client;

/** A caller may not have what it asked for: 401, 403 or 404. */
public class AccessDeniedException extends RuntimeException {

	private final Reason reason;

	public AccessDeniedException(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why access was denied. */
	public enum Reason {

		/** No or an unknown client key: 401. */
		UNAUTHENTICATED,
		/** The client may not read this app: 403. */
		FORBIDDEN,
		/** No such app is configured: 404. */
		UNKNOWN_APP

	}

}

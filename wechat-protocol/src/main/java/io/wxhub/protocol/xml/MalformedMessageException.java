package io.wxhub.protocol.xml;

import java.util.Objects;

/**
 * An XML body was rejected. The message names the offending element at most and never
 * repeats the body.
 */
public class MalformedMessageException extends RuntimeException {

	private final Reason reason;

	/**
	 * Create an exception for the given reason.
	 * @param reason why the body was rejected
	 * @param message a description for logs
	 */
	public MalformedMessageException(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason must not be null");
	}

	/**
	 * Return why the body was rejected.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why an XML body was rejected.
	 */
	public enum Reason {

		/** The body is {@code null}, empty or blank. */
		EMPTY,

		/** The body is over {@link XmlLimits#maxBytes()} or has too many elements. */
		TOO_LARGE,

		/** The body is not well-formed XML. */
		NOT_XML,

		/** The body has a DOCTYPE or an entity reference. */
		DOCTYPE_FORBIDDEN,

		/** The root element is not {@code <xml>}. */
		WRONG_ROOT,

		/** Unexpected nesting, mixed content, duplicate or processing instructions. */
		UNEXPECTED_STRUCTURE,

		/** A required element is absent or empty. */
		MISSING_FIELD,

		/** An element has a value of the wrong form, such as a non-numeric time. */
		INVALID_FIELD

	}

}

package io.wxhub.apiproxy.forward;

import io.netty.handler.timeout.ReadTimeoutException;

/** No answer came from WeChat. */
final class UpstreamFailure extends RuntimeException {

	/** Why no answer came. */
	enum Kind {

		/** The connection failed or closed before an answer (TLS included). */
		UNREACHABLE,

		/** WeChat stopped sending for longer than the read timeout. */
		TIMEOUT

	}

	private final Kind kind;

	private UpstreamFailure(Kind kind, Throwable cause) {
		super(kind.name(), cause, false, false);
		this.kind = kind;
	}

	static UpstreamFailure of(Throwable cause) {
		if (cause instanceof UpstreamFailure known) {
			return known;
		}
		return new UpstreamFailure((cause instanceof ReadTimeoutException) ? Kind.TIMEOUT : Kind.UNREACHABLE, cause);
	}

	Kind kind() {
		return this.kind;
	}

}

package io.wxhub.apiproxy.forward;

import io.netty.handler.timeout.ReadTimeoutException;
import io.wxhub.domains.CallOutcome;

/** No answer came from WeChat. */
final class UpstreamFailure extends RuntimeException {

	/** Why no answer came. */
	enum Kind {

		/** The connection failed or closed before an answer (TLS included). */
		UNREACHABLE,

		/** WeChat stopped sending for longer than the read timeout. */
		TIMEOUT

	}

	private final CallOutcome outcome;

	private UpstreamFailure(CallOutcome outcome, Throwable cause) {
		super(outcome.name(), cause, false, false);
		this.outcome = outcome;
	}

	static UpstreamFailure of(Throwable cause) {
		if (cause instanceof UpstreamFailure known) {
			return known;
		}
		CallOutcome outcome = (cause instanceof ReadTimeoutException) ? CallOutcome.TIMEOUT
				: CallOutcome.ofFailure(cause);
		return new UpstreamFailure(outcome, cause);
	}

	Kind kind() {
		return (this.outcome == CallOutcome.TIMEOUT) ? Kind.TIMEOUT : Kind.UNREACHABLE;
	}

	/** How the call to the domain ended: whether it may have reached WeChat. */
	CallOutcome outcome() {
		return this.outcome;
	}

}

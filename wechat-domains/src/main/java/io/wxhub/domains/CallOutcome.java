package io.wxhub.domains;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import javax.net.ssl.SSLHandshakeException;

/**
 * How one call to a WeChat domain ended, as the {@code outcome} tag of
 * {@code wxhub.wechat.requests} and as the domain's circuit breaker counts it.
 */
public enum CallOutcome {

	/** An answer below 500 (WeChat's errcodes included: the domain works). */
	OK("ok"),

	/** A 5xx answer. */
	SERVER_ERROR("server_error"),

	/**
	 * No connection: refused, not opened in time, no route, unknown host, TLS handshake
	 * failed. The request was never sent, so it may go to any other domain.
	 */
	UNREACHABLE("unreachable"),

	/** The request was sent and no answer came in time: WeChat may have acted on it. */
	TIMEOUT("timeout"),

	/** The connection was lost after it opened: WeChat may have acted on the request. */
	BROKEN("broken");

	private final String tag;

	private final Failure failure;

	CallOutcome(String tag) {
		this.tag = tag;
		this.failure = new Failure(tag);
	}

	/** The metric tag. */
	public String tag() {
		return this.tag;
	}

	/** Whether the domain's circuit breaker counts it as a failure. */
	public boolean isFailure() {
		return this != OK;
	}

	/** Whether the request surely never left: it may be sent to another domain. */
	public boolean neverSent() {
		return this == UNREACHABLE;
	}

	/** What the circuit breaker records for a failure (shared, no stack trace). */
	Throwable failure() {
		return this.failure;
	}

	/**
	 * The outcome of a call that failed with this exception (or one of its causes); a
	 * failure not known to have happened before sending counts as {@link #BROKEN}.
	 */
	public static CallOutcome ofFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
					|| cause instanceof NoRouteToHostException || cause instanceof UnknownHostException
					|| cause instanceof SSLHandshakeException) {
				return UNREACHABLE;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return TIMEOUT;
			}
		}
		return BROKEN;
	}

	/** The outcome of an answer with this HTTP status. */
	public static CallOutcome ofStatus(int status) {
		return (status >= 500) ? SERVER_ERROR : OK;
	}

	private static final class Failure extends RuntimeException {

		Failure(String outcome) {
			super(outcome, null, false, false);
		}

	}

}

package io.wxhub.domains;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * One of WeChat's API domains: its root, its name in metrics and health (host, and port
 * when the URL gives one), its circuit breaker and its request timers.
 */
public final class WeChatDomain {

	private final int index;

	private final String baseUrl;

	private final String name;

	private final CircuitBreaker breaker;

	private final Timer[] timers;

	private final Runnable stateChanged;

	private volatile State knownState;

	WeChatDomain(int index, URI url, CircuitBreaker breaker, MeterRegistry meters, Runnable stateChanged) {
		this.index = index;
		this.baseUrl = url.toString().replaceAll("/+$", "");
		this.name = nameOf(url);
		this.breaker = breaker;
		this.stateChanged = stateChanged;
		this.knownState = breaker.getState();
		CallOutcome[] outcomes = CallOutcome.values();
		this.timers = new Timer[outcomes.length];
		for (CallOutcome outcome : outcomes) {
			this.timers[outcome.ordinal()] = Timer.builder("wxhub.wechat.requests")
				.description("Calls to WeChat's API per domain, retries on another domain included")
				.tag("domain", this.name)
				.tag("outcome", outcome.tag())
				.register(meters);
		}
	}

	static String nameOf(URI url) {
		return (url.getPort() >= 0) ? url.getHost() + ":" + url.getPort() : url.getHost();
	}

	/** Position in {@code wechat.api-base-urls}; 0 is the primary. */
	public int index() {
		return this.index;
	}

	/** The API root without a trailing slash, e.g. {@code https://api.weixin.qq.com}. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/** Host (and port, when the URL gives one): the metric tag and health detail. */
	public String name() {
		return this.name;
	}

	public boolean isPrimary() {
		return this.index == 0;
	}

	/** Whether calls may go here: its circuit is not open. */
	public boolean isAvailable() {
		State state = this.breaker.getState();
		return state != State.OPEN && state != State.FORCED_OPEN;
	}

	/** The state of its circuit breaker, for health. */
	public State state() {
		return this.breaker.getState();
	}

	/**
	 * Records a call: one timer sample, one result for the circuit breaker, which may
	 * open the circuit and move calls to the next domain.
	 * @param outcome how it ended
	 * @param nanos how long it took
	 */
	public void record(CallOutcome outcome, long nanos) {
		this.timers[outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
		// No acquirePermission(): an open circuit is closed by the probe, never by a
		// user call let through as a trial.
		if (outcome.isFailure()) {
			this.breaker.onError(nanos, TimeUnit.NANOSECONDS, outcome.failure());
		}
		else {
			this.breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
		}
		if (this.breaker.getState() != this.knownState) {
			this.stateChanged.run();
		}
	}

	/** The probe found the domain answering: calls may come back. */
	void closeCircuit() {
		if (!isAvailable()) {
			this.breaker.transitionToClosedState();
			this.stateChanged.run();
		}
	}

	/** Called by {@link WeChatDomains} when it has taken the new state into account. */
	void acknowledgeState() {
		this.knownState = this.breaker.getState();
	}

	@Override
	public String toString() {
		return this.name;
	}

}

package io.wxhub.sandbox.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's notion of "now": a base clock that tests can shift forward or freeze,
 * through {@code /sandbox/clock} or directly, to reach expiries without sleeping.
 */
public final class SandboxClock extends Clock {

	private final Clock base;

	private final AtomicReference<State> state;

	public SandboxClock(Clock base) {
		this(base, new AtomicReference<>(new State(Duration.ZERO, null)));
	}

	private SandboxClock(Clock base, AtomicReference<State> state) {
		this.base = base;
		this.state = state;
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new SandboxClock(this.base.withZone(zone), this.state);
	}

	@Override
	public Instant instant() {
		State current = this.state.get();
		return (current.frozenAt() != null) ? current.frozenAt() : this.base.instant().plus(current.offset());
	}

	/**
	 * Moves the clock forward.
	 * @param amount how far
	 */
	public void advance(Duration amount) {
		this.state.updateAndGet((current) -> new State(current.offset().plus(amount),
				(current.frozenAt() != null) ? current.frozenAt().plus(amount) : null));
	}

	/**
	 * Stops the clock at the current instant until {@link #resume()} or {@link #reset()}.
	 */
	public void freeze() {
		this.state.updateAndGet((current) -> new State(current.offset(),
				(current.frozenAt() != null) ? current.frozenAt() : this.base.instant().plus(current.offset())));
	}

	/**
	 * Lets a frozen clock run again from where it stands.
	 */
	public void resume() {
		this.state.updateAndGet((current) -> (current.frozenAt() == null) ? current
				: new State(Duration.between(this.base.instant(), current.frozenAt()), null));
	}

	/**
	 * Back to the base clock: no offset, not frozen.
	 */
	public void reset() {
		this.state.set(new State(Duration.ZERO, null));
	}

	/**
	 * @return how far this clock is ahead of its base clock
	 */
	public Duration offset() {
		State current = this.state.get();
		return (current.frozenAt() != null) ? Duration.between(this.base.instant(), current.frozenAt())
				: current.offset();
	}

	/**
	 * @return whether the clock is frozen
	 */
	public boolean isFrozen() {
		return this.state.get().frozenAt() != null;
	}

	private record State(Duration offset, Instant frozenAt) {
	}

}

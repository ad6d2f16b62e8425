package io.wxhub.sandbox.system;

/**
 * In-memory state that {@code POST /sandbox/reset} puts back to how it was at start.
 */
public interface SandboxState {

	/**
	 * Forgets everything this component recorded since start.
	 */
	void reset();

}

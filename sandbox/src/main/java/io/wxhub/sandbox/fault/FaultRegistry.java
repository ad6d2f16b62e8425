package io.wxhub.sandbox.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.wxhub.sandbox.system.SandboxState;

import org.springframework.stereotype.Component;

/**
 * Pending faults per app, applied in the order they were added: a fault with a count
 * affects that many calls of its path, then the next fault for the path takes over.
 */
@Component
public class FaultRegistry implements SandboxState {

	private final Map<String, List<Fault>> faults = new ConcurrentHashMap<>();

	/**
	 * @param appId the app
	 * @param fault the fault to queue
	 */
	public void add(String appId, Fault fault) {
		List<Fault> pending = this.faults.computeIfAbsent(appId, (key) -> new ArrayList<>());
		synchronized (pending) {
			pending.add(fault);
		}
	}

	/**
	 * Takes the fault for one call, if any.
	 * @param appId the app
	 * @param path the API path called
	 * @return the fault to apply to this call
	 */
	public Optional<Fault> take(String appId, String path) {
		List<Fault> pending = this.faults.get(appId);
		if (pending == null) {
			return Optional.empty();
		}
		synchronized (pending) {
			for (int i = 0; i < pending.size(); i++) {
				Fault fault = pending.get(i);
				if (fault.path().equals(path)) {
					Fault rest = fault.consumedOnce();
					if (rest.count() != null && rest.count() <= 0) {
						pending.remove(i);
					}
					else {
						pending.set(i, rest);
					}
					return Optional.of(fault);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * @param appId the app
	 * @return its pending faults, in order
	 */
	public List<Fault> pending(String appId) {
		List<Fault> pending = this.faults.get(appId);
		if (pending == null) {
			return List.of();
		}
		synchronized (pending) {
			return List.copyOf(pending);
		}
	}

	/**
	 * @param appId the app whose faults to drop
	 */
	public void clear(String appId) {
		this.faults.remove(appId);
	}

	@Override
	public void reset() {
		this.faults.clear();
	}

}

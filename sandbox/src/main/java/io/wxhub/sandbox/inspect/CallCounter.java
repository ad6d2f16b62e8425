package io.wxhub.sandbox.inspect;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.wxhub.sandbox.system.SandboxState;

import org.springframework.stereotype.Component;

/**
 * Counts every request that reached a WeChat API, per app and path, whatever its outcome.
 */
@Component
public class CallCounter implements SandboxState {

	private final Map<String, Map<String, LongAdder>> calls = new ConcurrentHashMap<>();

	/**
	 * @param appId the app the call was for, or {@code unknown}
	 * @param path the API path
	 */
	public void record(String appId, String path) {
		this.calls.computeIfAbsent(appId, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(path, (key) -> new LongAdder())
			.increment();
	}

	/**
	 * @param appId the app
	 * @return calls per path, sorted by path
	 */
	public Map<String, Long> calls(String appId) {
		Map<String, Long> counts = new TreeMap<>();
		this.calls.getOrDefault(appId, Map.of()).forEach((path, count) -> counts.put(path, count.sum()));
		return counts;
	}

	/**
	 * @param appId the app whose counts to drop
	 */
	public void clear(String appId) {
		this.calls.remove(appId);
	}

	@Override
	public void reset() {
		this.calls.clear();
	}

}

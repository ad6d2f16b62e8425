package io.wxhub.tokenserver.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wxhub.tokenserver.system.TokenServerProperties;

/**
 * The rotation store in memory, for tests of one replica: liveness windows expire by the
 * instants the callers pass, as Redis keys expire by their TTL.
 */
class InMemoryRotationStore extends RotationStore {

	private final Map<TokenKey, Window> windows = new ConcurrentHashMap<>();

	private final Map<String, Instant> foreignRotations = new ConcurrentHashMap<>();

	InMemoryRotationStore(TokenServerProperties properties) {
		super(null, properties);
	}

	@Override
	public synchronized boolean claimCheck(TokenKey key, String fingerprint, Instant now, Duration window) {
		if (readVerdict(key, now) != null) {
			return false;
		}
		this.windows.put(key,
				new Window(new LivenessVerdict(fingerprint, LivenessVerdict.State.PENDING), now.plus(window)));
		return true;
	}

	@Override
	public synchronized LivenessVerdict readVerdict(TokenKey key, Instant now) {
		Window window = this.windows.get(key);
		return (window != null && now.isBefore(window.end())) ? window.verdict() : null;
	}

	@Override
	public synchronized void settle(TokenKey key, LivenessVerdict verdict, Instant windowEnd, Instant now) {
		if (now.isBefore(windowEnd)) {
			this.windows.put(key, new Window(verdict, windowEnd));
		}
	}

	@Override
	public void recordForeignRotation(String appId, Instant at) {
		this.foreignRotations.put(appId, at);
	}

	@Override
	public Instant lastForeignRotation(String appId) {
		return this.foreignRotations.get(appId);
	}

	private record Window(LivenessVerdict verdict, Instant end) {
	}

}

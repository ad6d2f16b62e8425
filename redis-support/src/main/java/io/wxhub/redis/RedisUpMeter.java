package io.wxhub.redis;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Gauge {@code wxhub.redis.up}: 1 when this replica's last Redis read succeeded, 0 when
 * it failed. Each read of the gauge (a scrape) starts the next probe without waiting for
 * it, so a scrape never blocks on an unreachable Redis; the value is at most one scrape
 * interval (plus Redisson's timeout) old.
 */
final class RedisUpMeter implements MeterBinder {

	private final RedissonClient redisson;

	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile int up;

	RedisUpMeter(RedissonClient redisson) {
		this.redisson = redisson;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		probe();
		Gauge.builder("wxhub.redis.up", this, RedisUpMeter::read)
			.description("1 when the last Redis read of this replica succeeded")
			.strongReference(true)
			.register(registry);
	}

	private double read() {
		probe();
		return this.up;
	}

	/** Starts a read of Redis unless one is under way. */
	void probe() {
		if (!this.probing.compareAndSet(false, true)) {
			return;
		}
		try {
			this.redisson.getBucket("wxhub:health", StringCodec.INSTANCE)
				.isExistsAsync()
				.whenComplete((exists, failure) -> done(failure == null));
		}
		catch (RuntimeException ex) {
			done(false);
		}
	}

	private void done(boolean succeeded) {
		this.up = succeeded ? 1 : 0;
		this.probing.set(false);
	}

}

package io.wxhub.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The client's meters: {@code wxhub.client.requests} (a timer per kind and outcome),
 * {@code wxhub.client.failovers} (per kind) and {@code wxhub.client.cache.gets} (per kind
 * and result, {@code hit} or {@code miss}). No app tag: the app ids a caller passes are
 * not a bounded set.
 */
final class MicrometerClientMetrics implements ClientMetrics {

	private final MeterRegistry registry;

	private final Map<CredentialKind, Counter> hits = new EnumMap<>(CredentialKind.class);

	private final Map<CredentialKind, Counter> misses = new EnumMap<>(CredentialKind.class);

	private MicrometerClientMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (CredentialKind kind : CredentialKind.values()) {
			this.hits.put(kind, cacheGets(kind, "hit"));
			this.misses.put(kind, cacheGets(kind, "miss"));
		}
	}

	static ClientMetrics of(Object registry) {
		if (!(registry instanceof MeterRegistry meters)) {
			throw new IllegalArgumentException("meterRegistry must be a Micrometer MeterRegistry");
		}
		return new MicrometerClientMetrics(meters);
	}

	@Override
	public void request(String kind, String outcome, long nanos) {
		Timer.builder("wxhub.client.requests")
			.description("Requests to the token server, however many of its URLs each tried")
			.tag("kind", kind)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void failover(String kind) {
		Counter.builder("wxhub.client.failovers")
			.description("Requests moved on to the next token-server URL")
			.tag("kind", kind)
			.register(this.registry)
			.increment();
	}

	@Override
	public void cacheGet(CredentialKind kind, boolean hit) {
		(hit ? this.hits : this.misses).get(kind).increment();
	}

	private Counter cacheGets(CredentialKind kind, String result) {
		return Counter.builder("wxhub.client.cache.gets")
			.description("Reads of a token or ticket, answered from this JVM's cache (hit) or not (miss)")
			.tag("kind", kind.tag())
			.tag("result", result)
			.register(this.registry);
	}

}

package io.wxhub.messageservice.push;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;

import org.springframework.stereotype.Component;

/**
 * Message metrics: {@code wxhub.messages} by app, type and outcome (replied, empty,
 * deferred, failed, rejected); {@code wxhub.messages.dedup.hits};
 * {@code wxhub.messages.deadline.overruns}; {@code wxhub.messages.handling} latency.
 */
@Component
public class MessageMetrics {

	private final MeterRegistry meters;

	MessageMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void handled(String appId, InboundMessage message, String outcome) {
		String type = (message instanceof InboundEvent event) ? "event:" + event.event() : message.msgType();
		this.meters.counter("wxhub.messages", "app", appId, "type", type, "outcome", outcome).increment();
		if (outcome.equals("deferred")) {
			this.meters.counter("wxhub.messages.deadline.overruns", "app", appId).increment();
		}
	}

	void dedupHit(String appId) {
		this.meters.counter("wxhub.messages.dedup.hits", "app", appId).increment();
	}

	/** A push refused before handling (bad signature, malformed…). */
	public void rejected(String reason) {
		this.meters.counter("wxhub.messages.rejected", "reason", reason).increment();
	}

	/**
	 * Time from arrival to answer, with histogram buckets so that Prometheus can compute
	 * p99 across replicas (WeChat gives up after 5 s).
	 */
	public void latency(String appId, Duration latency) {
		Timer.builder("wxhub.messages.handling")
			.tag("app", appId)
			.publishPercentileHistogram()
			.register(this.meters)
			.record(latency);
	}

}

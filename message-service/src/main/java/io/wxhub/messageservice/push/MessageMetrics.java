package io.wxhub.messageservice.push;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.messageservice.system.MessageServiceProperties.App;
import io.wxhub.protocol.message.InboundEvent;
import io.wxhub.protocol.message.InboundMessage;

import org.springframework.stereotype.Component;

/**
 * Message metrics: {@code wxhub.messages} by app, type and outcome (replied, empty,
 * deferred, failed, rejected); {@code wxhub.messages.dedup.hits};
 * {@code wxhub.messages.dedup.errors} (Redis calls of the dedup store that failed);
 * {@code wxhub.messages.deadline.overruns}; {@code wxhub.messages.handling} latency. The
 * per-app counters and the latency exist at 0 for every configured app from start-up, so
 * that alerts and dashboards never see an absent series.
 */
@Component
public class MessageMetrics {

	private final MeterRegistry meters;

	MessageMetrics(MeterRegistry meters, MessageServiceProperties properties) {
		this.meters = meters;
		for (App app : properties.apps()) {
			deadlineOverruns(app.appId());
			dedupHits(app.appId());
			dedupErrors(app.appId());
			handling(app.appId());
		}
	}

	void handled(String appId, InboundMessage message, String outcome) {
		String type = (message instanceof InboundEvent event) ? "event:" + event.event() : message.msgType();
		this.meters.counter("wxhub.messages", "app", appId, "type", type, "outcome", outcome).increment();
		if (outcome.equals("deferred")) {
			deadlineOverruns(appId).increment();
		}
	}

	void dedupHit(String appId) {
		dedupHits(appId).increment();
	}

	/** A Redis call of the dedup store failed: the message was handled without dedup. */
	void dedupError(String appId) {
		dedupErrors(appId).increment();
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
		handling(appId).record(latency);
	}

	private Counter deadlineOverruns(String appId) {
		return this.meters.counter("wxhub.messages.deadline.overruns", "app", appId);
	}

	private Counter dedupHits(String appId) {
		return this.meters.counter("wxhub.messages.dedup.hits", "app", appId);
	}

	private Counter dedupErrors(String appId) {
		return this.meters.counter("wxhub.messages.dedup.errors", "app", appId);
	}

	private Timer handling(String appId) {
		return Timer.builder("wxhub.messages.handling")
			.tag("app", appId)
			.publishPercentileHistogram()
			.register(this.meters);
	}

}

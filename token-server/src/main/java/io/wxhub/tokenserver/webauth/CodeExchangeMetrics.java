package io.wxhub.tokenserver.webauth;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The timer {@code wxhub.oauth2.code.exchanges} (Prometheus
 * {@code wxhub_oauth2_code_exchanges_seconds}): one sample per code exchange, by app,
 * outcome ({@code ok}, {@code wechat_error}, {@code unreachable}, {@code timeout}) and
 * WeChat's errcode.
 */
@Component
class CodeExchangeMetrics {

	private final MeterRegistry meters;

	CodeExchangeMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** An exchange WeChat answered, with its errcode (0: the user's tokens). */
	void answered(String appId, int errcode, long startedNanos) {
		record(appId, (errcode == 0) ? "ok" : "wechat_error", errcode, startedNanos);
	}

	/** An exchange WeChat gave no usable answer to. */
	void failed(String appId, boolean timedOut, long startedNanos) {
		record(appId, timedOut ? "timeout" : "unreachable", -1, startedNanos);
	}

	private void record(String appId, String outcome, int errcode, long startedNanos) {
		// app is a configured one (checked before), errcode one of WeChat's
		Timer.builder("wxhub.oauth2.code.exchanges")
			.description("Web authorization code exchanges with WeChat")
			.tags("app", appId, "outcome", outcome, "errcode", Integer.toString(errcode))
			.register(this.meters)
			.record(Duration.ofNanos(System.nanoTime() - startedNanos));
	}

}

package io.wxhub.apiproxy.forward;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One audit line (logger {@code wxhub.audit}) and one timer sample per proxied call:
 * client, app, API, outcome, errcode, latency. Never a token, key or secret.
 */
@Component
class Audit {

	private static final Logger log = LoggerFactory.getLogger("wxhub.audit");

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	Audit(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Records a call.
	 * @param outcome {@code ok}, {@code wechat_error}, {@code refused} (by the proxy) or
	 * {@code failed} (upstream trouble)
	 */
	void record(String client, String app, String api, String method, String outcome, int errcode, int status,
			boolean retried, long startedNanos) {
		Duration latency = Duration.ofNanos(System.nanoTime() - startedNanos);
		log.info("client={} app={} api={} method={} outcome={} errcode={} status={} retried={} latency_ms={}", client,
				app, api, method, outcome, errcode, status, retried, latency.toMillis());
		String key = client + '|' + app + '|' + api + '|' + outcome + '|' + errcode;
		this.timers
			.computeIfAbsent(key,
					(k) -> Timer.builder("wxhub.proxy.requests")
						.description("Calls through the proxy")
						.tag("client", client)
						.tag("app", app)
						.tag("api", api)
						.tag("outcome", outcome)
						.tag("errcode", Integer.toString(errcode))
						.register(this.meters))
			.record(latency);
	}

}

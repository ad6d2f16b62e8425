package io.wxhub.apiproxy.forward;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wxhub.apiproxy.admission.Decision;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;
import io.wxhub.protocol.error.WeChatErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One audit line (logger {@code wxhub.audit}) and one timer sample per proxied call:
 * client, app, API, outcome, errcode, latency. Never a token, key or secret. The line
 * names the path; the timer's tags come only from bounded sets (configured clients and
 * apps, paths that passed the permission check, else {@code api=other}), so that callers
 * cannot grow the registry.
 */
@Component
class Audit {

	/** The API tag of calls whose path did not pass the permission check. */
	static final String OTHER_API = "other";

	/** The outcome of calls answered 5xx: WeChat unreachable, timed out, no token. */
	static final String FAILED = "failed";

	/**
	 * Distinct API tags a replica keeps: WeChat's APIs fit many times over. A client
	 * allowed a whole prefix could call made-up paths; past this they are {@code other}.
	 */
	static final int MAX_APIS = 1000;

	private static final Logger log = LoggerFactory.getLogger("wxhub.audit");

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final Set<String> apis = ConcurrentHashMap.newKeySet();

	private final MeterRegistry meters;

	Audit(MeterRegistry meters, ApiProxyProperties properties) {
		this.meters = meters;
		// Each client's failures exist at 0 for each of its apps from start-up (as
		// api=other), so the 5xx ratio's terms and the latency buckets are never absent.
		for (Client client : properties.clients()) {
			client.apps().forEach((app) -> timer(client.id(), app, OTHER_API, FAILED, -1));
		}
	}

	/**
	 * Records a call admitted by the proxy.
	 * @param api the API path, which passed the permission check
	 * @param outcome {@code ok}, {@code wechat_error}, {@code refused} (by the proxy) or
	 * {@code failed} (upstream trouble)
	 */
	void record(String client, String app, String api, String method, String outcome, int errcode, int status,
			boolean retried, long startedNanos) {
		Duration latency = line(client, app, api, method, outcome, errcode, status, retried, startedNanos);
		timer(client, app, knownApi(api), outcome, errcode).record(latency);
	}

	/**
	 * Records a call the proxy refused; its path is a tag only when the caller was
	 * allowed it (a rate limit), else {@code other}.
	 */
	void refused(Decision.Refused refused, String method, long startedNanos) {
		int errcode = refused.code().code();
		Duration latency = line(refused.clientId(), refused.appId(), refused.path(), method, "refused", errcode, 200,
				false, startedNanos);
		String api = (refused.code() == WeChatErrorCode.MINUTE_QUOTA_EXCEEDED) ? knownApi(refused.path()) : OTHER_API;
		timer(refused.clientId(), refused.appId(), api, "refused", errcode).record(latency);
	}

	private static Duration line(String client, String app, String api, String method, String outcome, int errcode,
			int status, boolean retried, long startedNanos) {
		Duration latency = Duration.ofNanos(System.nanoTime() - startedNanos);
		log.info("client={} app={} api={} method={} outcome={} errcode={} status={} retried={} latency_ms={}", client,
				app, api, method, outcome, errcode, status, retried, latency.toMillis());
		return latency;
	}

	private String knownApi(String api) {
		if (this.apis.contains(api)) {
			return api;
		}
		if (this.apis.size() < MAX_APIS) {
			// racing threads may pass the bound by a few: still bounded
			this.apis.add(api);
			return api;
		}
		return OTHER_API;
	}

	private Timer timer(String client, String app, String api, String outcome, int errcode) {
		String key = client + '|' + app + '|' + api + '|' + outcome + '|' + errcode;
		return this.timers.computeIfAbsent(key,
				(k) -> Timer.builder("wxhub.proxy.requests")
					.description("Calls through the proxy")
					.tag("client", client)
					.tag("app", app)
					.tag("api", api)
					.tag("outcome", outcome)
					.tag("errcode", Integer.toString(errcode))
					// buckets: Prometheus computes quantiles across replicas
					.publishPercentileHistogram()
					.register(this.meters));
	}

}

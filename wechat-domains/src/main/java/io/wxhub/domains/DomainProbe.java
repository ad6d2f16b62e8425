package io.wxhub.domains;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out when a domain whose circuit is open answers again, without user traffic:
 * every {@code probe-interval}, one {@code GET /cgi-bin/get_api_domain_ip} without a
 * token to each such domain. WeChat answers it with errcode 41001 (access_token missing):
 * it costs no token and no quota, and any answer below 500 proves the domain serves its
 * API. The first such answer closes the circuit, and calls come back.
 */
public final class DomainProbe implements AutoCloseable {

	/** Needs no token: WeChat's answer without one is errcode 41001, HTTP 200. */
	static final String PROBE_PATH = "/cgi-bin/get_api_domain_ip";

	private static final Logger log = LoggerFactory.getLogger(DomainProbe.class);

	private final WeChatDomains domains;

	private final Duration timeout;

	private final HttpClient http;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "wechat-domain-probe");
		thread.setDaemon(true);
		return thread;
	});

	DomainProbe(WeChatDomains domains, Duration timeout) {
		this.domains = domains;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/** Probes every {@code interval} from now on. */
	void start(Duration interval) {
		this.scheduler.scheduleWithFixedDelay(this::probeOpenCircuits, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** Probes each domain whose circuit is open once; closes those that answer. */
	void probeOpenCircuits() {
		for (WeChatDomain domain : this.domains.all()) {
			if (!domain.isAvailable() && answers(domain)) {
				log.info("WeChat domain {} answers again", domain);
				domain.closeCircuit();
			}
		}
	}

	private boolean answers(WeChatDomain domain) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(domain.baseUrl() + PROBE_PATH))
			.timeout(this.timeout)
			.GET()
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return status < 500;
		}
		catch (IOException ex) {
			log.debug("WeChat domain {} still fails: {}", domain, ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}

package io.wxhub.domains;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat's API domains in order of preference, each with a circuit breaker. Calls go to
 * the {@link #current() current} domain: the first whose circuit is not open. Failures
 * (connection failures, timeouts, 5xx) open a domain's circuit and move calls to the
 * next; only the {@link DomainProbe probe} closes it again. Every change of the current
 * domain is counted ({@code wxhub.wechat.domain.switches}, tags {@code from} and
 * {@code to}) and logged; {@code wxhub.wechat.domain.backup} is 1 while calls go to a
 * backup domain.
 */
public final class WeChatDomains {

	private static final Logger log = LoggerFactory.getLogger(WeChatDomains.class);

	private final List<WeChatDomain> domains;

	private final Counter[][] switches;

	private volatile WeChatDomain current;

	WeChatDomains(List<URI> urls, WeChatDomainsProperties.Failover failover, MeterRegistry meters) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindow(failover.slidingWindowSize(), failover.minimumCalls(), SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(failover.failureRateThreshold())
			// Only the probe closes an open circuit: never let user calls through as
			// trials.
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.build();
		List<WeChatDomain> domains = new ArrayList<>();
		for (URI url : urls) {
			CircuitBreaker breaker = CircuitBreaker.of("wechat-" + WeChatDomain.nameOf(url), config);
			domains.add(new WeChatDomain(domains.size(), url, breaker, meters, this::reselect));
		}
		this.domains = List.copyOf(domains);
		this.current = this.domains.get(0);
		this.switches = new Counter[domains.size()][domains.size()];
		for (WeChatDomain from : this.domains) {
			for (WeChatDomain to : this.domains) {
				if (from != to) {
					this.switches[from.index()][to.index()] = Counter.builder("wxhub.wechat.domain.switches")
						.description("Changes of the WeChat domain calls go to")
						.tag("from", from.name())
						.tag("to", to.name())
						.register(meters);
				}
			}
			Gauge.builder("wxhub.wechat.domain.active", this, (all) -> (all.current() == from) ? 1 : 0)
				.description("1 for the WeChat domain calls go to now")
				.tag("domain", from.name())
				.register(meters);
		}
		Gauge.builder("wxhub.wechat.domain.backup", this, (all) -> all.current().isPrimary() ? 0 : 1)
			.description("1 while calls go to a backup domain rather than the primary")
			.register(meters);
	}

	/** The domains of {@code wechat.*}, metered in {@code meters}. */
	public static WeChatDomains of(WeChatDomainsProperties properties, MeterRegistry meters) {
		return new WeChatDomains(properties.apiBaseUrls(), properties.failover(), meters);
	}

	/** One domain with default failover settings and private metrics (tests, tools). */
	public static WeChatDomains single(String baseUrl) {
		return of(
				new WeChatDomainsProperties(baseUrl, List.of(),
						new WeChatDomainsProperties.Failover(Duration.ofSeconds(10), Duration.ofSeconds(3), 10, 3, 50)),
				new SimpleMeterRegistry());
	}

	/** All domains, the primary first. */
	public List<WeChatDomain> all() {
		return this.domains;
	}

	public WeChatDomain primary() {
		return this.domains.get(0);
	}

	/**
	 * Where calls go now: the first domain whose circuit is not open; the primary when
	 * every circuit is open (nothing better is known, and failing without trying would
	 * turn a partial outage into a total one).
	 */
	public WeChatDomain current() {
		return this.current;
	}

	/**
	 * Where a call goes after the domains in {@code tried} failed it: the first untried
	 * domain whose circuit is not open, else the first untried one; null when every
	 * domain was tried.
	 * @param tried a bit per domain already tried ({@code 1 << index})
	 */
	public WeChatDomain next(int tried) {
		WeChatDomain fallback = null;
		for (WeChatDomain domain : this.domains) {
			if ((tried & (1 << domain.index())) != 0) {
				continue;
			}
			if (domain.isAvailable()) {
				return domain;
			}
			if (fallback == null) {
				fallback = domain;
			}
		}
		return fallback;
	}

	/** Takes a change of a circuit's state into account: counts and logs a switch. */
	synchronized void reselect() {
		WeChatDomain chosen = this.domains.stream()
			.filter(WeChatDomain::isAvailable)
			.findFirst()
			.orElse(this.domains.get(0));
		this.domains.forEach(WeChatDomain::acknowledgeState);
		WeChatDomain previous = this.current;
		if (chosen == previous) {
			return;
		}
		this.current = chosen;
		this.switches[previous.index()][chosen.index()].increment();
		if (!chosen.isAvailable()) {
			log.warn("Every WeChat domain failed too often; calls go to the primary {} until one answers", chosen);
		}
		else if (chosen.isPrimary()) {
			log.info("WeChat calls are back on the primary domain {} (from {})", chosen, previous);
		}
		else {
			log.warn("WeChat calls move from domain {} to {}: {} failed too often", previous, chosen, previous);
		}
	}

}

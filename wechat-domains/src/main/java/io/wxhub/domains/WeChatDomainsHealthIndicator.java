package io.wxhub.domains;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component {@code wechat}: the domain calls go to now, whether it is the primary,
 * and each domain's circuit ({@code CLOSED}: in use when it comes first; {@code OPEN}:
 * failed, calls avoid it until the probe finds it answering). Always up: a WeChat outage
 * is not this service's fault, and readiness must not take replicas out for it.
 */
final class WeChatDomainsHealthIndicator implements HealthIndicator {

	private final WeChatDomains domains;

	WeChatDomainsHealthIndicator(WeChatDomains domains) {
		this.domains = domains;
	}

	@Override
	public Health health() {
		WeChatDomain current = this.domains.current();
		Map<String, String> circuits = new LinkedHashMap<>();
		this.domains.all().forEach((domain) -> circuits.put(domain.name(), domain.state().name()));
		return Health.up()
			.withDetail("domain", current.name())
			.withDetail("primary", current.isPrimary())
			.withDetail("circuits", circuits)
			.build();
	}

}

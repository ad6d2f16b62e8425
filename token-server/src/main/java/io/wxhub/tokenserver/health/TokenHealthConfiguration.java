package io.wxhub.tokenserver.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import io.wxhub.tokenserver.token.RotationStore;
import io.wxhub.tokenserver.token.TokenService;
import io.wxhub.tokenserver.token.TokenStore;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health: {@code redis} answers a ping, and {@code tokens} has one component per app that
 * is DOWN with WeChat's errcode while a configuration error or a spent quota blocks its
 * refreshes.
 */
@Configuration(proxyBeanMethods = false)
class TokenHealthConfiguration {

	@Bean
	HealthIndicator redisHealthIndicator(TokenStore store) {
		return () -> {
			try {
				store.ping();
				return Health.up().build();
			}
			catch (RuntimeException ex) {
				return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
			}
		};
	}

	@Bean
	CompositeHealthContributor tokensHealthContributor(TokenServerProperties properties, TokenService tokens,
			TokenStore store, RotationStore rotations, java.time.Clock clock) {
		Map<String, HealthIndicator> apps = new LinkedHashMap<>();
		for (App app : properties.apps()) {
			apps.put(app.appId(), new AppTokenHealthIndicator(app.appId(), tokens, store, rotations, clock));
		}
		return CompositeHealthContributor.fromMap(apps);
	}

}

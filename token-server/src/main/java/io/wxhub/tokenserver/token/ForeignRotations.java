package io.wxhub.tokenserver.token;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wxhub.tokenserver.system.TokenServerProperties;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reports access tokens that WeChat declared dead before their expiry: someone else
 * obtained a new token with the AppSecret. One counter per app (registered at start, so
 * the series exists at 0), one WARN line naming the app, and the instant in Redis for
 * every replica's health.
 */
@Component
class ForeignRotations {

	private static final Logger log = LoggerFactory.getLogger(ForeignRotations.class);

	private final MeterRegistry meters;

	private final RotationStore store;

	ForeignRotations(MeterRegistry meters, RotationStore store, TokenServerProperties properties) {
		this.meters = meters;
		this.store = store;
		properties.apps().forEach((app) -> counter(app.appId()));
	}

	/** WeChat declared the app's access token dead although it had not expired. */
	void seen(String appId, Instant at) {
		counter(appId).increment();
		log.warn("The access token of app {} was invalidated at WeChat before its expiry: another party has fetched "
				+ "new tokens with the AppSecret (foreign rotation, see the operations guide)", appId);
		try {
			this.store.recordForeignRotation(appId, at);
		}
		catch (RedisException ex) {
			log.debug("Could not record the foreign rotation of {}: {}", appId, ex.getMessage());
		}
	}

	private Counter counter(String appId) {
		return Counter.builder("wxhub.token.foreign.rotations")
			.description("Access tokens invalidated at WeChat before their expiry by another party's token call")
			.tag("app", appId)
			.register(this.meters);
	}

}

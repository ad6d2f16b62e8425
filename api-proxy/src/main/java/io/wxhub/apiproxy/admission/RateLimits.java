package io.wxhub.apiproxy.admission;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Per-client rate limits shared by every replica: one Redisson rate limiter per client.
 * Should Redis be unreachable, calls are let through (and logged) rather than the proxy
 * going down with it.
 */
@Component
class RateLimits implements RateLimit {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	private final Map<String, RRateLimiter> limiters = new ConcurrentHashMap<>();

	private final RedissonClient redisson;

	private final String prefix;

	RateLimits(RedissonClient redisson, ApiProxyProperties properties) {
		this.redisson = redisson;
		this.prefix = properties.redisPrefix();
	}

	@Override
	public CompletionStage<Boolean> tryAcquire(Client client) {
		if (client.rateLimit() <= 0) {
			return CompletableFuture.completedFuture(true);
		}
		try {
			return this.limiters.computeIfAbsent(client.id(), (id) -> limiter(client))
				.tryAcquireAsync()
				.exceptionally((ex) -> {
					log.warn("Rate limit of client {} not checked, Redis unavailable: {}", client.id(),
							ex.getMessage());
					return true;
				});
		}
		catch (RedisException ex) {
			log.warn("Rate limit of client {} not checked, Redis unavailable: {}", client.id(), ex.getMessage());
			return CompletableFuture.completedFuture(true);
		}
	}

	private RRateLimiter limiter(Client client) {
		RRateLimiter limiter = this.redisson
			.getRateLimiter(this.prefix + ":rate:" + client.id() + ":" + client.rateLimit());
		limiter.trySetRate(RateType.OVERALL, client.rateLimit(), Duration.ofSeconds(1));
		return limiter;
	}

}

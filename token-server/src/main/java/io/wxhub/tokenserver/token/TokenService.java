package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.wxhub.tokenserver.system.TokenServerProperties;
import jakarta.annotation.PreDestroy;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Serves credentials. A read is answered from this replica's near-cache while the cached
 * token is usable; Redis is re-read and due refreshes are made in the background, so a
 * read never waits on WeChat, nor on Redis, while a valid token exists. Only a read that
 * finds no usable token waits.
 */
@Service
public class TokenService {

	private static final Logger log = LoggerFactory.getLogger(TokenService.class);

	private final Map<TokenKey, Cached> nearCache = new ConcurrentHashMap<>();

	private final Set<String> backgroundTasks = ConcurrentHashMap.newKeySet();

	private final ExecutorService background = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "token-background");
		thread.setDaemon(true);
		return thread;
	});

	private final TokenStore store;

	private final TokenRefresher refresher;

	private final Duration nearCacheTtl;

	private final Clock clock;

	TokenService(TokenStore store, TokenRefresher refresher, TokenServerProperties properties, Clock clock) {
		this.store = store;
		this.refresher = refresher;
		this.nearCacheTtl = properties.nearCacheTtl();
		this.clock = clock;
		store.onNewToken((key) -> inBackground("revalidate", key, () -> revalidate(key)));
	}

	/** A usable token; throws {@link NoValidTokenException} when none can be had. */
	public StoredToken get(TokenKey key) {
		Instant now = this.clock.instant();
		Cached cached = this.nearCache.get(key);
		if (cached != null && cached.token().usableAt(now)) {
			if (cached.token().refreshDueAt(now)) {
				inBackground("refresh", key, () -> this.refresher.refresh(key, RefreshTrigger.LAZY, null));
			}
			else if (cached.checkedAt().plus(this.nearCacheTtl).isBefore(now)) {
				inBackground("revalidate", key, () -> revalidate(key));
			}
			return cached.token();
		}
		StoredToken stored = readRedis(key);
		if (stored == null || !stored.usableAt(now)) {
			stored = this.refresher.refresh(key, RefreshTrigger.LAZY, null);
		}
		else if (stored.refreshDueAt(now)) {
			inBackground("refresh", key, () -> this.refresher.refresh(key, RefreshTrigger.LAZY, null));
		}
		remember(key, stored);
		return stored;
	}

	/**
	 * Compare-and-refresh: refreshes only while the current token is still
	 * {@code rejected}; otherwise answers the current token.
	 */
	public StoredToken refreshRejected(TokenKey key, String rejected) {
		StoredToken current = readRedis(key);
		if (current != null && current.usableAt(this.clock.instant()) && !current.value().equals(rejected)) {
			remember(key, current);
			return current;
		}
		StoredToken fresh = this.refresher.refresh(key, RefreshTrigger.FORCED, rejected);
		remember(key, fresh);
		return fresh;
	}

	/** The token this replica holds in memory, or null; for health and metrics. */
	public StoredToken cached(TokenKey key) {
		Cached cached = this.nearCache.get(key);
		return (cached != null) ? cached.token() : null;
	}

	/**
	 * Replaces the near-cache entry with what Redis holds; keeps it while Redis is
	 * unreachable, and writes it back should Redis have lost it (a restart without
	 * persistence) rather than spend an upstream call.
	 */
	void revalidate(TokenKey key) {
		StoredToken stored = this.store.read(key);
		Cached cached = this.nearCache.get(key);
		Instant now = this.clock.instant();
		if (stored == null && cached != null && cached.token().usableAt(now)) {
			this.store.write(key, cached.token(), now);
			remember(key, cached.token());
		}
		else if (stored != null) {
			remember(key, stored);
		}
		else {
			this.nearCache.remove(key);
		}
	}

	private StoredToken readRedis(TokenKey key) {
		try {
			return this.store.read(key);
		}
		catch (RedisException ex) {
			throw new NoValidTokenException("No usable " + key.kind().key() + " for " + key.appId()
					+ " in this replica and Redis is unreachable", null, Duration.ofSeconds(1));
		}
	}

	private void remember(TokenKey key, StoredToken token) {
		this.nearCache.put(key, new Cached(token, this.clock.instant()));
	}

	private void inBackground(String task, TokenKey key, Runnable work) {
		String id = task + ":" + key;
		if (!this.backgroundTasks.add(id)) {
			return;
		}
		this.background.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.debug("Background {} of {} failed: {}", task, key, ex.getMessage());
			}
			finally {
				this.backgroundTasks.remove(id);
			}
		});
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	private record Cached(StoredToken token, Instant checkedAt) {
	}

}

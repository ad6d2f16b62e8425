package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every replica checks each app's credentials every {@code check-interval} and refreshes
 * those that are missing or due. The refresh lock and the re-read under it make sure only
 * one replica calls WeChat. Tickets are kept fresh once some caller has asked for one.
 */
@Component
class ProactiveRefresher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProactiveRefresher.class);

	private final TokenStore store;

	private final TokenRefresher refresher;

	private final TokenService tokens;

	private final TokenServerProperties properties;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	ProactiveRefresher(TokenStore store, TokenRefresher refresher, TokenService tokens,
			TokenServerProperties properties, Clock clock) {
		this.store = store;
		this.refresher = refresher;
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One pass over every app and kind; a missing access token is fetched, a missing
	 * ticket only once a caller asks for it.
	 */
	void checkAll() {
		for (App app : this.properties.apps()) {
			for (TokenKind kind : TokenKind.values()) {
				check(new TokenKey(app.appId(), kind), !kind.isTicket());
			}
		}
	}

	private void check(TokenKey key, boolean fetchWhenMissing) {
		try {
			Instant now = this.clock.instant();
			StoredToken stored = this.store.read(key);
			StoredToken cached = this.tokens.cached(key);
			if (stored == null && cached != null && cached.usableAt(now)) {
				// Redis lost it (a restart without persistence): write back what we serve
				// rather than spend an upstream call and invalidate the token every
				// replica holds.
				this.store.write(key, cached, now);
				stored = cached;
			}
			boolean due = (stored == null) ? fetchWhenMissing : stored.refreshDueAt(now);
			if (due) {
				this.refresher.refresh(key, RefreshTrigger.PROACTIVE, null);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Proactive refresh of {} not done: {}", key, ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "token-proactive-refresh");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.checkInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::checkAll, 0, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.scheduler.shutdownNow();
		this.scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}

package io.wxhub.tokenserver.token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Why refreshes fail, for alerts, from the failures every replica shares in Redis (so a
 * replica that did not make the failing call shows it too), read every few seconds:
 * <ul>
 * <li>{@code wxhub.token.refresh.failing} (app, kind, reason): 1 while the last refresh
 * of the credential failed for that reason ({@code transient}, {@code configuration},
 * {@code quota_exhausted}, {@code budget_exhausted}), else 0;</li>
 * <li>{@code wxhub.token.refresh.errcode} (app, kind): WeChat's errcode of that failure,
 * 0 without one;</li>
 * <li>{@code wxhub.token.whitelist.missing} (app, ip): 1 with the address WeChat names in
 * a 40164 refusal of the app's access token, the one to add to the account's IP
 * whitelist; otherwise a single series {@code ip="none"} at 0.</li>
 * </ul>
 * Every series exists from start-up, one set per configured app.
 */
@Component
class RefreshFailureMetrics implements SmartLifecycle {

	/** The {@code ip} tag while WeChat names no address. */
	static final String NO_IP = "none";

	static final long POLL_MILLIS = 5000;

	/** "invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: …" */
	private static final Pattern NAMED_IP = Pattern.compile("invalid ip ([0-9A-Fa-f.:]{2,45})[ ,]");

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private final TokenStore store;

	private final Map<TokenKey, AtomicReference<RefreshFailure>> failures = new LinkedHashMap<>();

	private final List<String> apps = new ArrayList<>();

	private final MultiGauge whitelist;

	private ScheduledExecutorService scheduler;

	RefreshFailureMetrics(MeterRegistry meters, TokenStore store, TokenServerProperties properties) {
		this.store = store;
		for (App app : properties.apps()) {
			this.apps.add(app.appId());
			for (TokenKind kind : TokenKind.values()) {
				AtomicReference<RefreshFailure> failure = new AtomicReference<>();
				this.failures.put(new TokenKey(app.appId(), kind), failure);
				Tags tags = Tags.of("app", app.appId(), "kind", kind.key());
				for (RefreshFailure.Kind reason : RefreshFailure.Kind.values()) {
					Gauge.builder("wxhub.token.refresh.failing", failure, (f) -> is(f.get(), reason) ? 1 : 0)
						.description("1 while the last refresh failed for this reason")
						.tags(tags.and("reason", reason(reason)))
						.register(meters);
				}
				Gauge.builder("wxhub.token.refresh.errcode", failure, (f) -> errcode(f.get()))
					.description("WeChat's errcode of the failure of the last refresh, 0 without one")
					.tags(tags)
					.register(meters);
			}
		}
		this.whitelist = MultiGauge.builder("wxhub.token.whitelist.missing")
			.description("1 with the address WeChat refused with 40164: add it to the account's IP whitelist")
			.register(meters);
		publishWhitelist();
	}

	/** The {@code reason} tag of a failure kind, as in {@code wxhub.token.refresh}. */
	static String reason(RefreshFailure.Kind kind) {
		return kind.name().toLowerCase();
	}

	/** Reads every credential's failure from Redis; keeps the last known on errors. */
	void update() {
		this.failures.forEach((key, failure) -> {
			try {
				failure.set(this.store.readFailure(key));
			}
			catch (RuntimeException ex) {
				// Redis has its own health and gauge: the last known state stays, and the
				// next pass tries again
			}
		});
		publishWhitelist();
	}

	/**
	 * The address a 40164 refusal names (IPv4 or IPv6 literal), if any: only such a
	 * literal becomes a tag, never free text.
	 */
	static Optional<String> ipToWhitelist(WeChatError error) {
		if (error.errcode() != WeChatErrorCode.INVALID_IP.code() || error.errmsg() == null) {
			return Optional.empty();
		}
		Matcher named = NAMED_IP.matcher(error.errmsg());
		if (!named.find()) {
			return Optional.empty();
		}
		String ip = named.group(1);
		Matcher v4 = IPV4.matcher(ip);
		if (v4.matches()) {
			for (int part = 1; part <= 4; part++) {
				if (Integer.parseInt(v4.group(part)) > 255) {
					return Optional.empty();
				}
			}
			return Optional.of(ip);
		}
		return ip.contains(":") ? Optional.of(ip.toLowerCase()) : Optional.empty();
	}

	private void publishWhitelist() {
		List<Row<?>> rows = new ArrayList<>();
		for (String app : this.apps) {
			RefreshFailure failure = this.failures.get(new TokenKey(app, TokenKind.ACCESS_TOKEN)).get();
			Optional<String> ip = (failure != null) ? ipToWhitelist(failure.error()) : Optional.empty();
			rows.add(Row.of(Tags.of("app", app, "ip", ip.orElse(NO_IP)), ip.isPresent() ? 1 : 0));
		}
		// overwrite: an address no longer refused leaves the registry
		this.whitelist.register(rows, true);
	}

	private static boolean is(RefreshFailure failure, RefreshFailure.Kind reason) {
		return failure != null && failure.kind() == reason;
	}

	private static double errcode(RefreshFailure failure) {
		return (failure != null) ? failure.error().errcode() : 0;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "token-failure-metrics");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::update, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
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

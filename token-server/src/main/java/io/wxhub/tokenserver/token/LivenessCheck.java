package io.wxhub.tokenserver.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.micrometer.core.instrument.MeterRegistry;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.token.LivenessVerdict.State;
import io.wxhub.tokenserver.upstream.WeChatTokenClient;

import org.springframework.stereotype.Component;

/**
 * Asks WeChat whether an access token a caller reported as rejected is really dead, with
 * a call that spends no token quota. At most one check per app and window
 * ({@code liveness-check-interval}) across all replicas: the first caller opens the
 * window in Redis and stores the verdict there; later callers in the window reuse it, or
 * wait briefly while it is pending. The window names the token it checked by a
 * fingerprint (a hash), never by the token itself.
 */
@Component
class LivenessCheck {

	private static final Duration POLL = Duration.ofMillis(50);

	private final WeChatTokenClient wechat;

	private final RotationStore store;

	private final ForeignRotations foreignRotations;

	private final TokenServerProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	LivenessCheck(WeChatTokenClient wechat, RotationStore store, ForeignRotations foreignRotations,
			TokenServerProperties properties, MeterRegistry meters, Clock clock) {
		this.wechat = wechat;
		this.store = store;
		this.foreignRotations = foreignRotations;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * WeChat's verdict on {@code current}, a token still valid by its expiry that a
	 * caller reported as rejected: {@link State#UNKNOWN} when WeChat could not tell, or
	 * when this window's check was about another token. A dead token is reported as a
	 * foreign rotation.
	 */
	State check(TokenKey key, StoredToken current) {
		String fingerprint = fingerprint(current.value());
		Instant deadline = this.clock.instant().plus(this.properties.upstream().timeout());
		while (true) {
			Instant now = this.clock.instant();
			if (this.store.claimCheck(key, fingerprint, now, window())) {
				State state = ask(key, current);
				this.store.settle(key, new LivenessVerdict(fingerprint, state), now.plus(window()),
						this.clock.instant());
				return state;
			}
			LivenessVerdict verdict = this.store.readVerdict(key, now);
			if (verdict != null && verdict.state() != State.PENDING) {
				return verdict.fingerprint().equals(fingerprint) ? verdict.state() : State.UNKNOWN;
			}
			if (!now.isBefore(deadline) || !pause()) {
				return State.UNKNOWN;
			}
		}
	}

	/** The window; a zero setting still gives Redis a positive expiry. */
	Duration window() {
		Duration window = this.properties.livenessCheckInterval();
		return (!window.isNegative() && !window.isZero()) ? window : Duration.ofMillis(1);
	}

	private State ask(TokenKey key, StoredToken current) {
		State state;
		try {
			this.wechat.checkAccessToken(current.value());
			state = State.ALIVE;
		}
		catch (WeChatException ex) {
			state = ex.getError().isTokenInvalid() ? State.DEAD : State.UNKNOWN;
		}
		this.meters.counter("wxhub.token.liveness.checks", "app", key.appId(), "verdict", state.tag()).increment();
		if (state == State.DEAD) {
			// Dead while still valid by the expiry WeChat gave it: someone called
			// /cgi-bin/token (or stable_token with force_refresh) with the AppSecret.
			this.foreignRotations.seen(key.appId(), this.clock.instant());
		}
		return state;
	}

	private static String fingerprint(String token) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits before reading the pending verdict again; false when interrupted. */
	private static boolean pause() {
		try {
			Thread.sleep(POLL.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

package io.wxhub.sandbox.token;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.sandbox.system.SandboxProperties;
import io.wxhub.sandbox.system.SandboxState;
import io.wxhub.sandbox.wechat.TokenOwners;

import org.springframework.stereotype.Component;

/**
 * Every access token and ticket the sandbox issued, per app and kind, and the decision
 * whether a presented one is usable now.
 */
@Component
public class CredentialLedger implements SandboxState, TokenOwners {

	private final Map<String, CredentialSlot> slots = new ConcurrentHashMap<>();

	private final Map<String, CredentialSlot> slotsByValue = new ConcurrentHashMap<>();

	private final CredentialGenerator generator;

	private final Clock clock;

	private final Duration lifetime;

	private final Duration overlap;

	public CredentialLedger(CredentialGenerator generator, Clock clock, SandboxProperties properties) {
		this.generator = generator;
		this.clock = clock;
		this.lifetime = properties.tokenLifetime();
		this.overlap = properties.tokenOverlap();
	}

	/**
	 * Runs an action on an app's slot of the given kind while no one else touches it.
	 * @param appId the app
	 * @param kind the credential kind
	 * @param action what to do with the slot
	 * @param <T> the result type
	 * @return the action's result
	 */
	public <T> T locked(String appId, CredentialKind kind, Function<CredentialSlot, T> action) {
		CredentialSlot slot = this.slots.computeIfAbsent(appId + '|' + kind,
				(key) -> new CredentialSlot(appId, kind, this));
		synchronized (slot) {
			return action.apply(slot);
		}
	}

	/**
	 * @param appId the app
	 * @param kind the credential kind
	 * @return a new credential; the previous one keeps the overlap
	 */
	public Credential issue(String appId, CredentialKind kind) {
		return locked(appId, kind, (slot) -> slot.issue(this.clock.instant()));
	}

	/**
	 * The decision an API makes about an {@code access_token} parameter.
	 * @param value the presented token, possibly {@code null}
	 * @return 41001 missing, 40014 malformed, 40001 unknown or superseded, 42001 expired,
	 * or valid
	 */
	public CredentialCheck checkAccessToken(String value) {
		return check(value, true);
	}

	/**
	 * @param value a presented ticket
	 * @return the same decision as for access tokens, applied to tickets
	 */
	public CredentialCheck checkTicket(String value) {
		return check(value, false);
	}

	/**
	 * @param value any presented token or ticket
	 * @return the app it was issued to, valid or not
	 */
	@Override
	public Optional<String> ownerOf(String value) {
		CredentialSlot slot = (value != null) ? this.slotsByValue.get(value) : null;
		return Optional.ofNullable(slot)
			.flatMap((found) -> inside(found, () -> found.find(value)))
			.map(Credential::appId);
	}

	/**
	 * @param appId the app
	 * @param kind the credential kind
	 * @return its recent credentials, newest first
	 */
	public List<Credential> recent(String appId, CredentialKind kind) {
		return locked(appId, kind, CredentialSlot::recent);
	}

	/**
	 * Makes every token and ticket of the app invalid now (40001 from then on).
	 * @param appId the app
	 * @return how many were still valid
	 */
	public int revokeAll(String appId) {
		int revoked = 0;
		for (CredentialKind kind : CredentialKind.values()) {
			revoked += locked(appId, kind, (slot) -> slot.revokeAll(this.clock.instant()));
		}
		return revoked;
	}

	@Override
	public void reset() {
		this.slots.clear();
		this.slotsByValue.clear();
	}

	Duration lifetime() {
		return this.lifetime;
	}

	Duration overlap() {
		return this.overlap;
	}

	String mint(CredentialKind kind) {
		return this.generator.next(kind);
	}

	void index(String value, CredentialSlot slot) {
		this.slotsByValue.put(value, slot);
	}

	void forget(String value) {
		this.slotsByValue.remove(value);
	}

	private CredentialCheck check(String value, boolean accessToken) {
		if (value == null || value.isEmpty()) {
			return new CredentialCheck(WeChatErrorCode.ACCESS_TOKEN_MISSING.code(), null);
		}
		if (!CredentialGenerator.isWellFormed(value)) {
			return new CredentialCheck(WeChatErrorCode.INVALID_ACCESS_TOKEN.code(), null);
		}
		CredentialSlot slot = this.slotsByValue.get(value);
		Optional<Credential> found = (slot != null && slot.kind().isAccessToken() == accessToken)
				? inside(slot, () -> slot.find(value)) : Optional.empty();
		return found.map((credential) -> new CredentialCheck(credential.errcodeAt(this.clock.instant()), credential))
			.orElseGet(() -> new CredentialCheck(WeChatErrorCode.INVALID_CREDENTIAL.code(), null));
	}

	private static <T> T inside(CredentialSlot slot, Supplier<T> action) {
		synchronized (slot) {
			return action.get();
		}
	}

}

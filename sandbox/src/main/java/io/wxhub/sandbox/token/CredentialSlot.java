package io.wxhub.sandbox.token;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The recent credentials of one app and kind, newest first. Only used while holding its
 * monitor, see {@link CredentialLedger#locked}.
 */
public final class CredentialSlot {

	private static final int HISTORY = 8;

	private final String appId;

	private final CredentialKind kind;

	private final CredentialLedger ledger;

	private final Deque<Credential> recent = new ArrayDeque<>();

	private Instant lastForcedAt;

	CredentialSlot(String appId, CredentialKind kind, CredentialLedger ledger) {
		this.appId = appId;
		this.kind = kind;
		this.ledger = ledger;
	}

	CredentialKind kind() {
		return this.kind;
	}

	/**
	 * @return the newest credential, valid or not
	 */
	public Optional<Credential> current() {
		return Optional.ofNullable(this.recent.peekFirst());
	}

	/**
	 * Issues a new credential. The one it replaces stays valid for the overlap (never
	 * past its own expiry); any older one stops being valid now, as WeChat keeps only two
	 * alive.
	 * @param now the instant of issue
	 * @return the new credential
	 */
	public Credential issue(Instant now) {
		List<Credential> older = new ArrayList<>(this.recent.size());
		Instant overlapEnd = now.plus(this.ledger.overlap());
		for (Credential credential : this.recent) {
			older.add(credential.revokedBy(older.isEmpty() ? overlapEnd : now));
		}
		Credential fresh = new Credential(this.ledger.mint(this.kind), this.appId, this.kind, now,
				now.plus(this.ledger.lifetime()), null);
		this.recent.clear();
		this.recent.add(fresh);
		this.recent.addAll(older);
		this.ledger.index(fresh.value(), this);
		while (this.recent.size() > HISTORY) {
			this.ledger.forget(this.recent.removeLast().value());
		}
		return fresh;
	}

	/**
	 * @return when {@code force_refresh} last rotated this slot, or {@code null}
	 */
	public Instant lastForcedAt() {
		return this.lastForcedAt;
	}

	/**
	 * @param instant when {@code force_refresh} rotated this slot
	 */
	public void forcedAt(Instant instant) {
		this.lastForcedAt = instant;
	}

	Optional<Credential> find(String value) {
		return this.recent.stream().filter((credential) -> credential.value().equals(value)).findFirst();
	}

	List<Credential> recent() {
		return List.copyOf(this.recent);
	}

	int revokeAll(Instant now) {
		List<Credential> revoked = this.recent.stream().map((credential) -> credential.revokedBy(now)).toList();
		int stillValid = (int) this.recent.stream().filter((credential) -> credential.isValidAt(now)).count();
		this.recent.clear();
		this.recent.addAll(revoked);
		return stillValid;
	}

}

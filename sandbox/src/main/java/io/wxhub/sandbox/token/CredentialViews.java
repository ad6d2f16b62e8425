package io.wxhub.sandbox.token;

import java.time.Instant;
import java.util.List;

/**
 * JSON views of tokens and tickets for the {@code /sandbox} inspection endpoints.
 */
public final class CredentialViews {

	private CredentialViews() {
	}

	/**
	 * @param recent credentials of one slot, newest first
	 * @param now the current instant
	 * @return the current and previous credential
	 */
	public static SlotView slot(List<Credential> recent, Instant now) {
		return new SlotView(recent.isEmpty() ? null : credential(recent.get(0), now),
				(recent.size() < 2) ? null : credential(recent.get(1), now));
	}

	/**
	 * @param check a decision about a presented value
	 * @return the view of it
	 */
	public static CheckView check(CredentialCheck check) {
		Credential credential = check.credential();
		return (credential != null) ? new CheckView(check.valid(), credential.kind().wireName(), check.errcode(),
				credential.expiresAt(), credential.validUntil())
				: new CheckView(false, null, check.errcode(), null, null);
	}

	private static CredentialView credential(Credential credential, Instant now) {
		return new CredentialView(credential.value(), credential.issuedAt(), credential.expiresAt(),
				credential.validUntil(), credential.isValidAt(now));
	}

	/**
	 * The newest two credentials of one app and kind.
	 *
	 * @param current the newest one, or {@code null}
	 * @param previous the one it replaced, or {@code null}
	 */
	public record SlotView(CredentialView current, CredentialView previous) {
	}

	/**
	 * One credential.
	 *
	 * @param value the token or ticket
	 * @param issuedAt when it was issued
	 * @param expiresAt when it expires by its lifetime
	 * @param validUntil when it stops being valid (expiry, end of overlap, invalidation)
	 * @param valid whether it is valid now
	 */
	public record CredentialView(String value, Instant issuedAt, Instant expiresAt, Instant validUntil, boolean valid) {
	}

	/**
	 * The decision the API side makes about a presented value.
	 *
	 * @param valid whether it is usable now
	 * @param kind its kind, {@code null} when never issued
	 * @param errcode 0, or the errcode an API answers
	 * @param expiresAt its expiry by lifetime, {@code null} when never issued
	 * @param validUntil when it stops (or stopped) being valid, {@code null} when never
	 * issued
	 */
	public record CheckView(boolean valid, String kind, int errcode, Instant expiresAt, Instant validUntil) {
	}

}

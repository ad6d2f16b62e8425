package io.wxhub.sandbox.token;

import java.time.Instant;

import io.wxhub.protocol.error.WeChatErrorCode;

/**
 * An access token or ticket the sandbox issued.
 *
 * @param value the opaque string handed out
 * @param appId the app it belongs to
 * @param kind its kind
 * @param issuedAt when it was issued
 * @param expiresAt when it expires by its lifetime
 * @param revokedAt when it stops being valid because a newer one replaced it or it was
 * invalidated, {@code null} while it is the current one
 */
public record Credential(String value, String appId, CredentialKind kind, Instant issuedAt, Instant expiresAt,
		Instant revokedAt) {

	/**
	 * @return the instant it stops being valid, whichever of expiry and revocation comes
	 * first
	 */
	public Instant validUntil() {
		return (this.revokedAt != null && this.revokedAt.isBefore(this.expiresAt)) ? this.revokedAt : this.expiresAt;
	}

	/**
	 * @param now the instant
	 * @return whether it is usable then
	 */
	public boolean isValidAt(Instant now) {
		return now.isBefore(validUntil());
	}

	/**
	 * The errcode WeChat answers when this credential is used.
	 * @param now the instant of use
	 * @return 0 when valid, 40001 once revoked, 42001 once expired
	 */
	public int errcodeAt(Instant now) {
		if (isValidAt(now)) {
			return 0;
		}
		return (this.revokedAt != null && this.revokedAt.isBefore(this.expiresAt))
				? WeChatErrorCode.INVALID_CREDENTIAL.code() : WeChatErrorCode.ACCESS_TOKEN_EXPIRED.code();
	}

	/**
	 * @param instant the revocation instant
	 * @return this credential revoked at the given instant, or earlier if it already was
	 */
	Credential revokedBy(Instant instant) {
		if (this.revokedAt != null && !this.revokedAt.isAfter(instant)) {
			return this;
		}
		return new Credential(this.value, this.appId, this.kind, this.issuedAt, this.expiresAt, instant);
	}

}

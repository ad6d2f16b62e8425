package io.wxhub.sandbox.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.wxhub.sandbox.quota.QuotaService;
import io.wxhub.sandbox.system.SandboxProperties;
import io.wxhub.sandbox.wechat.CgiPaths;

import org.springframework.stereotype.Service;

/**
 * Issues classic and stable access tokens with WeChat's rotation rules.
 */
@Service
public class TokenService {

	private static final Duration FORCE_MIN_INTERVAL = Duration.ofSeconds(30);

	private final CredentialLedger ledger;

	private final QuotaService quotas;

	private final Clock clock;

	private final Duration rotateBefore;

	public TokenService(CredentialLedger ledger, QuotaService quotas, Clock clock, SandboxProperties properties) {
		this.ledger = ledger;
		this.quotas = quotas;
		this.clock = clock;
		this.rotateBefore = properties.effectiveStableRotateBefore();
	}

	/**
	 * {@code /cgi-bin/token}: every call issues a new token.
	 * @param appId an authenticated app
	 * @return the answer
	 */
	public AccessTokenResponse classic(String appId) {
		Credential token = this.ledger.issue(appId, CredentialKind.CLASSIC);
		return answer(token, token.issuedAt());
	}

	/**
	 * {@code /cgi-bin/stable_token}: the current token while it has enough life left;
	 * {@code force_refresh} rotates at most once per 30 s and 20 times a day.
	 * @param appId an authenticated app
	 * @param force the {@code force_refresh} flag
	 * @return the answer
	 */
	public AccessTokenResponse stable(String appId, boolean force) {
		if (force) {
			this.quotas.consume(appId, CgiPaths.STABLE_TOKEN_FORCE_REFRESH);
		}
		Instant now = this.clock.instant();
		Credential token = this.ledger.locked(appId, CredentialKind.STABLE, (slot) -> {
			Credential current = slot.current().filter((credential) -> credential.isValidAt(now)).orElse(null);
			if (current == null) {
				return slot.issue(now);
			}
			if (force) {
				// a force_refresh within 30 s of the previous one does not rotate
				if (slot.lastForcedAt() != null && now.isBefore(slot.lastForcedAt().plus(FORCE_MIN_INTERVAL))) {
					return current;
				}
				slot.forcedAt(now);
				return slot.issue(now);
			}
			return Duration.between(now, current.validUntil()).compareTo(this.rotateBefore) < 0 ? slot.issue(now)
					: current;
		});
		return answer(token, now);
	}

	private AccessTokenResponse answer(Credential token, Instant now) {
		long left = Duration.between(now, token.validUntil()).toSeconds();
		return new AccessTokenResponse(token.value(), Math.max(1, left));
	}

}

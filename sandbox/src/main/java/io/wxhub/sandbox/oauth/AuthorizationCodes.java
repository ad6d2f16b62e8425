package io.wxhub.sandbox.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.system.SandboxState;
import io.wxhub.sandbox.token.CredentialGenerator;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.stereotype.Component;

/**
 * The codes of web authorizations: one per authorization, valid for 5 minutes, usable
 * once, and only by the app it was issued for.
 */
@Component
public class AuthorizationCodes implements SandboxState {

	/** WeChat: a code not exchanged within 5 minutes expires. */
	public static final Duration LIFETIME = Duration.ofMinutes(5);

	// expired codes stay visible to the inspection endpoint for a while, then go
	private static final Duration RETENTION = Duration.ofHours(1);

	private static final int LENGTH = 32;

	private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

	private final CredentialGenerator generator;

	private final Clock clock;

	public AuthorizationCodes(CredentialGenerator generator, Clock clock) {
		this.generator = generator;
		this.clock = clock;
	}

	/**
	 * @param appId the app
	 * @param openid the follower who authorized it
	 * @param scope the scope granted
	 * @return a new code
	 */
	public AuthorizationCode issue(String appId, String openid, WebAuthScope scope) {
		Instant now = this.clock.instant();
		this.codes.values().removeIf((code) -> code.expiresAt().plus(RETENTION).isBefore(now));
		AuthorizationCode code = new AuthorizationCode(this.generator.mint("", LENGTH), appId, openid, scope, now,
				now.plus(LIFETIME), null);
		this.codes.put(code.value(), code);
		return code;
	}

	/**
	 * Uses a code up, atomically: of concurrent exchanges of one code, one succeeds.
	 * @param appId the app that presents it
	 * @param value the presented code, possibly {@code null}
	 * @return the code, now used
	 * @throws WeChatException 41008 when missing; 40029 when unknown, expired or issued
	 * for another app; 40163 when already used
	 */
	public AuthorizationCode redeem(String appId, String value) {
		if (value == null || value.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.CODE_MISSING);
		}
		Instant now = this.clock.instant();
		AuthorizationCode redeemed = this.codes.computeIfPresent(value, (key, code) -> {
			if (!code.appId().equals(appId) || code.isExpiredAt(now)) {
				throw WeChatErrors.of(WeChatErrorCode.INVALID_CODE);
			}
			if (code.usedAt() != null) {
				throw WeChatErrors.of(WeChatErrorCode.CODE_BEEN_USED);
			}
			return code.usedAt(now);
		});
		if (redeemed == null) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_CODE);
		}
		return redeemed;
	}

	/**
	 * @param appId the app
	 * @return its codes of the last hour, newest first
	 */
	public List<AuthorizationCode> recent(String appId) {
		return this.codes.values()
			.stream()
			.filter((code) -> code.appId().equals(appId))
			.sorted(Comparator.comparing(AuthorizationCode::issuedAt).reversed())
			.toList();
	}

	@Override
	public void reset() {
		this.codes.clear();
	}

}

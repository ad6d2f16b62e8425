package io.wxhub.sandbox.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wxhub.protocol.error.WeChatErrorCode;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.sandbox.system.SandboxState;
import io.wxhub.sandbox.token.CredentialGenerator;
import io.wxhub.sandbox.wechat.TokenOwners;
import io.wxhub.sandbox.wechat.WeChatErrors;

import org.springframework.stereotype.Component;

/**
 * Users' access and refresh tokens from web authorization, a namespace apart from the
 * accounts' access tokens: neither kind is accepted where the other is expected.
 */
@Component
public class UserTokens implements SandboxState, TokenOwners {

	/** WeChat: a user access token lives 2 hours. */
	public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(7200);

	/** WeChat: a refresh token lives 30 days and is never extended. */
	public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

	private static final int TOKEN_LENGTH = 110;

	private final Map<String, UserAccessToken> accessTokens = new HashMap<>();

	private final Map<String, UserGrant> grants = new HashMap<>();

	private final CredentialGenerator generator;

	private final Clock clock;

	public UserTokens(CredentialGenerator generator, Clock clock) {
		this.generator = generator;
		this.clock = clock;
	}

	/**
	 * @param code a code just redeemed
	 * @return the new authorization, with its first access token
	 */
	public synchronized UserGrant grant(AuthorizationCode code) {
		Instant now = this.clock.instant();
		forgetExpired(now);
		String refreshToken = this.generator.mint("SBXR_", TOKEN_LENGTH);
		UserAccessToken token = mint(code.appId(), code.openid(), code.scope(), refreshToken, now);
		UserGrant grant = new UserGrant(refreshToken, code.appId(), code.openid(), code.scope(), now,
				now.plus(REFRESH_TOKEN_LIFETIME), token);
		this.grants.put(refreshToken, grant);
		return grant;
	}

	/**
	 * Refreshes an authorization's access token: one still valid keeps its value and
	 * lives 2 hours from now; an expired one is replaced. The refresh token stays as it
	 * is.
	 * @param appId the app that presents the refresh token
	 * @param refreshToken the presented refresh token
	 * @return the authorization with its current access token
	 * @throws WeChatException 40030 when unknown or of another app, 42002 when expired
	 */
	public synchronized UserGrant refresh(String appId, String refreshToken) {
		Instant now = this.clock.instant();
		UserGrant grant = this.grants.get(refreshToken);
		if (grant == null || !grant.appId().equals(appId)) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_REFRESH_TOKEN);
		}
		if (grant.isExpiredAt(now)) {
			throw WeChatErrors.of(WeChatErrorCode.REFRESH_TOKEN_EXPIRED);
		}
		UserAccessToken current = grant.accessToken();
		UserAccessToken next = current.isExpiredAt(now) ? mint(appId, grant.openid(), grant.scope(), refreshToken, now)
				: new UserAccessToken(current.value(), appId, grant.openid(), grant.scope(),
						now.plus(ACCESS_TOKEN_LIFETIME), refreshToken);
		this.accessTokens.put(next.value(), next);
		UserGrant refreshed = grant.withAccessToken(next);
		this.grants.put(refreshToken, refreshed);
		return refreshed;
	}

	/**
	 * The decision the {@code /sns} APIs make about an {@code access_token} parameter.
	 * @param value the presented token, possibly {@code null}
	 * @return the valid token
	 * @throws WeChatException 41001 missing, 40014 malformed, 40001 unknown (an account's
	 * access token included), 42001 expired
	 */
	public synchronized UserAccessToken check(String value) {
		if (value == null || value.isEmpty()) {
			throw WeChatErrors.of(WeChatErrorCode.ACCESS_TOKEN_MISSING);
		}
		if (!CredentialGenerator.isWellFormed(value)) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_ACCESS_TOKEN);
		}
		UserAccessToken token = this.accessTokens.get(value);
		if (token == null) {
			throw WeChatErrors.of(WeChatErrorCode.INVALID_CREDENTIAL);
		}
		if (token.isExpiredAt(this.clock.instant())) {
			throw WeChatErrors.of(WeChatErrorCode.ACCESS_TOKEN_EXPIRED);
		}
		return token;
	}

	@Override
	public synchronized Optional<String> ownerOf(String accessToken) {
		return Optional.ofNullable((accessToken != null) ? this.accessTokens.get(accessToken) : null)
			.map(UserAccessToken::appId);
	}

	/**
	 * @param appId the app
	 * @return its authorizations whose refresh token has not expired, newest first
	 */
	public synchronized List<UserGrant> recent(String appId) {
		Instant now = this.clock.instant();
		return this.grants.values()
			.stream()
			.filter((grant) -> grant.appId().equals(appId) && !grant.isExpiredAt(now))
			.sorted(Comparator.comparing(UserGrant::issuedAt).reversed())
			.toList();
	}

	@Override
	public synchronized void reset() {
		this.accessTokens.clear();
		this.grants.clear();
	}

	private UserAccessToken mint(String appId, String openid, WebAuthScope scope, String refreshToken, Instant now) {
		UserAccessToken token = new UserAccessToken(this.generator.mint("SBXU_", TOKEN_LENGTH), appId, openid, scope,
				now.plus(ACCESS_TOKEN_LIFETIME), refreshToken);
		this.accessTokens.put(token.value(), token);
		return token;
	}

	// an authorization is forgotten once its refresh token expired, with its tokens
	private void forgetExpired(Instant now) {
		this.grants.values().removeIf((grant) -> grant.isExpiredAt(now));
		this.accessTokens.values().removeIf((token) -> !this.grants.containsKey(token.refreshToken()));
	}

}

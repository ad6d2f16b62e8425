package io.wxhub.webauth.broker;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import io.wxhub.webauth.keys.SigningKeys;
import io.wxhub.webauth.system.WebAuthProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The result an internal web app receives: a JWT signed by the broker (ES256), verified
 * offline with the published JWK set. Claims: {@code sub} the openid, {@code aud} the
 * client, {@code app}, {@code scope}, {@code unionid} when WeChat gave one, the profile
 * ({@code nickname}, {@code headimgurl}, {@code sex}, {@code province}, {@code city},
 * {@code country}) for {@code snsapi_userinfo}, and an expiry of
 * {@code web-auth.result-ttl} (5 minutes at most). Never the follower's WeChat tokens.
 */
@Component
class ResultTokens {

	private static final String[] PROFILE = { "nickname", "headimgurl", "sex", "province", "city", "country" };

	private final SigningKeys keys;

	private final WebAuthProperties properties;

	private final Clock clock;

	ResultTokens(SigningKeys keys, WebAuthProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	String issue(PendingAuthorization pending, JsonNode exchange, JsonNode profile) {
		Instant now = this.clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.properties.publicUrl().toString())
			.subject(exchange.path("openid").asString())
			.audience(pending.clientId())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.properties.resultTtl())))
			.jwtID(UUID.randomUUID().toString())
			.claim("app", pending.appId())
			.claim("scope", exchange.path("scope").asString(pending.scope()));
		String unionid = (profile != null && profile.hasNonNull("unionid")) ? profile.path("unionid").asString()
				: exchange.path("unionid").asString(null);
		if (unionid != null) {
			claims.claim("unionid", unionid);
		}
		if (profile != null) {
			for (String name : PROFILE) {
				JsonNode value = profile.get(name);
				if (value != null && !value.isNull()) {
					claims.claim(name, value.isNumber() ? (Object) value.asInt() : value.asString());
				}
			}
		}
		return this.keys.sign(claims.build());
	}

}

package io.wxhub.bench.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Proxy tokens in the api-proxy's format ({@code wxp1.<payload>.<mac>}, base64url, the
 * payload "wxp1\nclient\napp\nexpiry\nnonce", HMAC-SHA256 under the signing key),
 * verified once and then found in a bounded cache, as the api-proxy does: the per-call
 * cost is a map lookup and an expiry check.
 */
@Component
class ProxyTokens {

	private static final Pattern SHAPE = Pattern.compile("wxp1\\.[A-Za-z0-9_-]{1,400}\\.[A-Za-z0-9_-]{43}");

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final int CACHE_SIZE = 10_000;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	ProxyTokens(BaselineProperties properties) {
		this.key = new SecretKeySpec(properties.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** A proxy token's meaning: the client and app it was issued for, and its expiry. */
	record Verified(String clientId, String appId, Instant expiresAt) {
	}

	String issue(String clientId, String appId, Instant expiresAt) {
		byte[] nonce = new byte[12];
		this.random.nextBytes(nonce);
		String payload = String.join("\n", "wxp1", clientId, appId, Long.toString(expiresAt.getEpochSecond()),
				BASE64URL.encodeToString(nonce));
		String signed = "wxp1." + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return signed + "." + mac(signed);
	}

	/** The token's meaning, or null when it is malformed, forged or expired. */
	Verified verify(String token) {
		if (token == null) {
			return null;
		}
		Verified known = this.verified.get(token);
		if (known == null) {
			known = check(token);
			if (known == null) {
				return null;
			}
			if (this.verified.size() >= CACHE_SIZE) {
				this.verified.clear();
			}
			this.verified.put(token, known);
		}
		return Instant.now().isBefore(known.expiresAt()) ? known : null;
	}

	private Verified check(String token) {
		if (!SHAPE.matcher(token).matches()) {
			return null;
		}
		int lastDot = token.lastIndexOf('.');
		byte[] expected = mac(token.substring(0, lastDot)).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		String[] fields = new String(Base64.getUrlDecoder().decode(token.substring(5, lastDot)), StandardCharsets.UTF_8)
			.split("\n");
		if (fields.length != 5 || !fields[0].equals("wxp1")) {
			return null;
		}
		return new Verified(fields[1], fields[2], Instant.ofEpochSecond(Long.parseLong(fields[3])));
	}

	private String mac(String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return BASE64URL.encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}

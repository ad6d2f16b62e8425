package io.wxhub.apiproxy.credential;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.protocol.signature.Nonces;

import org.springframework.stereotype.Component;

/**
 * Issues and verifies proxy tokens: {@code wxp1.<payload>.<mac>}, base64url, where the
 * payload names client, app, expiry and a nonce, and the MAC is HMAC-SHA256 under the
 * signing key that every replica shares. Any replica verifies a token without shared
 * state; the real access token never appears in it.
 */
@Component
public class ProxyTokens {

	private static final String VERSION = "wxp1";

	private static final Pattern SHAPE = Pattern.compile("wxp1\\.[A-Za-z0-9_-]{1,400}\\.[A-Za-z0-9_-]{43}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/**
	 * Tokens already verified, so the hot path skips the MAC; bounded, cleared when full.
	 */
	private static final int VERIFIED_CACHE_SIZE = 10_000;

	private final Map<String, ProxyToken> verified = new ConcurrentHashMap<>();

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private final SecretKeySpec key;

	private final Clock clock;

	public ProxyTokens(ApiProxyProperties properties, Clock clock) {
		this.key = new SecretKeySpec(properties.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.clock = clock;
	}

	/** A new token for the client and app, valid until {@code expiresAt}. */
	public String issue(String clientId, String appId, Instant expiresAt) {
		String payload = String.join("\n", VERSION, clientId, appId, Long.toString(expiresAt.getEpochSecond()),
				Nonces.next());
		String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return VERSION + "." + encoded + "." + mac(VERSION + "." + encoded);
	}

	/** The token's meaning when it is well formed, authentic and not expired. */
	public Optional<ProxyToken> verify(String token) {
		ProxyToken known = (token != null) ? this.verified.get(token) : null;
		if (known != null) {
			return this.clock.instant().isBefore(known.expiresAt()) ? Optional.of(known) : Optional.empty();
		}
		Optional<ProxyToken> checked = check(token);
		if (checked.isPresent()) {
			if (this.verified.size() >= VERIFIED_CACHE_SIZE) {
				this.verified.clear();
			}
			this.verified.put(token, checked.get());
		}
		return checked;
	}

	private Optional<ProxyToken> check(String token) {
		if (token == null || !SHAPE.matcher(token).matches()) {
			return Optional.empty();
		}
		int lastDot = token.lastIndexOf('.');
		byte[] expected = mac(token.substring(0, lastDot)).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		String[] fields = new String(Base64.getUrlDecoder().decode(token.substring(5, lastDot)), StandardCharsets.UTF_8)
			.split("\n");
		if (fields.length != 5 || !fields[0].equals(VERSION)) {
			return Optional.empty();
		}
		Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[3]));
		if (!this.clock.instant().isBefore(expiresAt)) {
			return Optional.empty();
		}
		return Optional.of(new ProxyToken(fields[1], fields[2], expiresAt));
	}

	private String mac(String data) {
		return ENCODER.encodeToString(this.macs.get().doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}

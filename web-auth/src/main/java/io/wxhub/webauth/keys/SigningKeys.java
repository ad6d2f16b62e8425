package io.wxhub.webauth.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The broker's signing key (an EC P-256 JWK, ES256): it signs the results, and its public
 * half is published as a JWK set for internal apps to verify them offline. It also gives
 * the key of the {@code state} parameter's HMAC, so that the broker has one secret.
 */
public final class SigningKeys {

	private final ECKey key;

	private final ECDSASigner signer;

	private final byte[] stateKey;

	private SigningKeys(ECKey key) throws JOSEException {
		this.key = key;
		this.signer = new ECDSASigner(key);
		this.stateKey = sha256("wxhub web-auth state\n" + key.getD().toString());
	}

	/**
	 * Reads the key.
	 * @param jwk an EC P-256 private JWK with a {@code kid}
	 * @throws IllegalArgumentException naming what is wrong, never the key itself
	 */
	public static SigningKeys fromJwk(String jwk) {
		ECKey key;
		try {
			key = ECKey.parse(jwk);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("web-auth.signing-key is not an EC JWK (JSON with kty EC)");
		}
		if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate() || key.getKeyID() == null) {
			throw new IllegalArgumentException("web-auth.signing-key must be a private EC P-256 JWK with a kid");
		}
		try {
			return new SigningKeys(key);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("web-auth.signing-key cannot sign: " + ex.getMessage());
		}
	}

	/** Signs claims as a compact JWS (ES256, with the key's id). */
	public String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing failed", ex);
		}
		return jwt.serialize();
	}

	/** The public JWK set, as JSON members. */
	public Map<String, Object> publicJwkSet() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject(true);
	}

	/** The key of the state's HMAC. */
	byte[] stateKey() {
		return this.stateKey.clone();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "SigningKeys[kid=" + this.key.getKeyID() + "]";
	}

}

package io.wxhub.webauth.keys;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public key that verifies results, as a JWK set: for internal apps, on the internal
 * network (the public gateway exposes only {@code /oauth2/}).
 */
@RestController
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/jwk-set+json"))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
			.body(this.keys.publicJwkSet());
	}

}

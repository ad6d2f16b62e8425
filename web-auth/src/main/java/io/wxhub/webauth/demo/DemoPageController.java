package io.wxhub.webauth.demo;

import java.net.URI;
import java.net.URL;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.wxhub.webauth.system.WebAuthProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A demo internal web page ({@code web-auth.demo-page=true}, the demo profile): it starts
 * a sign-in as client {@code demo-web}, and verifies the result it gets back the way any
 * internal app would, offline against the broker's published JWK set.
 */
@RestController
@ConditionalOnProperty(name = "web-auth.demo-page", havingValue = "true")
class DemoPageController {

	static final String CLIENT = "demo-web";

	private final WebAuthProperties properties;

	private final WebServerApplicationContext server;

	private volatile DefaultJWTProcessor<SecurityContext> verifier;

	DemoPageController(WebAuthProperties properties, WebServerApplicationContext server) {
		this.properties = properties;
		this.server = server;
	}

	@GetMapping(path = "/demo/", produces = MediaType.TEXT_HTML_VALUE)
	String start() {
		String app = this.properties.client(CLIENT).orElseThrow().apps().get(0);
		String page = this.properties.publicUrl() + "/demo/page";
		String base = "/oauth2/" + app + "/authorize?client=" + CLIENT + "&return_to=" + page + "&scope=";
		return DemoPages.start(base + "snsapi_base", base + "snsapi_userinfo");
	}

	@GetMapping(path = "/demo/page", produces = MediaType.TEXT_HTML_VALUE)
	String page(@RequestParam(name = "wxhub_auth", required = false) String result) {
		if (result == null) {
			return DemoPages.failed("No wxhub_auth parameter: start from /demo/.");
		}
		try {
			JWTClaimsSet claims = verifier().process(result, null);
			return DemoPages.signedIn(claims);
		}
		catch (Exception ex) {
			return DemoPages.failed("The result did not verify: " + HtmlUtils.htmlEscape(ex.getMessage()));
		}
	}

	/** What an internal app does: the JWK set's URL, the algorithm, the audience. */
	private DefaultJWTProcessor<SecurityContext> verifier() throws Exception {
		if (this.verifier == null) {
			URL jwks = URI.create("http://127.0.0.1:" + this.server.getWebServer().getPort() + "/.well-known/jwks.json")
				.toURL();
			JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).build();
			DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
			processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
			processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(CLIENT, null, Set.of("sub", "exp")));
			this.verifier = processor;
		}
		return this.verifier;
	}

}

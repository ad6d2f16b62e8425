package io.wxhub.webauth.broker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.wxhub.webauth.system.WebAuthProperties;
import io.wxhub.webauth.system.WebAuthProperties.Client;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The two legs of a sign-in. {@code authorize}: an internal web app sends the follower
 * here; the broker checks the client, the account and {@code return_to}, keeps the
 * request, and redirects to WeChat's authorization page with a signed, single-use
 * {@code state}. {@code callback}: WeChat sends the follower back with a code; the broker
 * takes the state, has the code exchanged, and redirects to {@code return_to} with the
 * signed result in {@code wxhub_auth}. Anything wrong is a refusal page, never a
 * redirect.
 */
@RestController
class AuthorizationController {

	private static final Set<String> SCOPES = Set.of("snsapi_base", "snsapi_userinfo");

	private final WebAuthProperties properties;

	private final PendingAuthorizations pending;

	private final FollowerLookup followers;

	private final ResultTokens results;

	AuthorizationController(WebAuthProperties properties, PendingAuthorizations pending, FollowerLookup followers,
			ResultTokens results) {
		this.properties = properties;
		this.pending = pending;
		this.followers = followers;
		this.results = results;
	}

	@GetMapping("/oauth2/{appId}/authorize")
	ResponseEntity<Void> authorize(@PathVariable String appId, @RequestParam(required = false) String client,
			@RequestParam(name = "return_to", required = false) String returnTo,
			@RequestParam(defaultValue = "snsapi_base") String scope) {
		Client registered = this.properties.client((client != null) ? client : "")
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "unknown-client", "Unknown application",
					"No application named '" + client + "' may use this sign-in."));
		if (!registered.apps().contains(appId)) {
			throw new Refusal(HttpStatus.NOT_FOUND, "unknown-app", "Unknown account",
					"The application '" + registered.id() + "' may not sign in followers of " + appId + ".");
		}
		if (!SCOPES.contains(scope)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "bad-scope", "Invalid scope",
					"scope must be snsapi_base or snsapi_userinfo.");
		}
		if (returnTo == null || !registered.allowsReturnTo(parse(returnTo))) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "return-to-not-allowed", "Return address not allowed",
					"The page to return to is not one the application '" + registered.id() + "' registered.");
		}
		String state = this.pending.begin(new PendingAuthorization(appId, registered.id(), returnTo, scope));
		String callback = UriComponentsBuilder.fromUri(this.properties.publicUrl())
			.path("/oauth2/{appId}/callback")
			.buildAndExpand(appId)
			.toUriString();
		// WeChat asks for redirect_uri URL-encoded whole, and for the fragment
		URI wechat = UriComponentsBuilder.fromUri(this.properties.wechatOpenBaseUrl())
			.path("/connect/oauth2/authorize")
			.queryParam("appid", UriUtils.encode(appId, StandardCharsets.UTF_8))
			.queryParam("redirect_uri", UriUtils.encode(callback, StandardCharsets.UTF_8))
			.queryParam("response_type", "code")
			.queryParam("scope", scope)
			.queryParam("state", state)
			.fragment("wechat_redirect")
			.build(true)
			.toUri();
		return ResponseEntity.status(HttpStatus.FOUND).location(wechat).build();
	}

	@GetMapping("/oauth2/{appId}/callback")
	ResponseEntity<Void> callback(@PathVariable String appId, @RequestParam(required = false) String code,
			@RequestParam(required = false) String state) {
		PendingAuthorization authorization = this.pending.take(state);
		if (!authorization.appId().equals(appId)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "bad-state", "Invalid state",
					"This sign-in was started for another account. Start again from the page you came from.");
		}
		if (code == null || code.isBlank()) {
			throw new Refusal(HttpStatus.FORBIDDEN, "declined", "Sign-in declined",
					"WeChat sent no code: the sign-in was declined. Start again from the page you came from.");
		}
		JsonNode exchange = this.followers.exchange(appId, code);
		JsonNode profile = "snsapi_userinfo".equals(exchange.path("scope").asString(authorization.scope()))
				? this.followers.userInfo(exchange.path("access_token").asString(), exchange.path("openid").asString())
				: null;
		String result = this.results.issue(authorization, exchange, profile);
		URI back = UriComponentsBuilder.fromUriString(authorization.returnTo())
			.queryParam("wxhub_auth", result)
			.build(true)
			.toUri();
		return ResponseEntity.status(HttpStatus.FOUND).location(back).build();
	}

	private static URI parse(String url) {
		try {
			return URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "return-to-not-allowed", "Return address not allowed",
					"The page to return to is not a valid address.");
		}
	}

}

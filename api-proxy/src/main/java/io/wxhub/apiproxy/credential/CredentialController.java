package io.wxhub.apiproxy.credential;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;
import io.wxhub.apiproxy.system.WeChatRefusal;
import io.wxhub.protocol.error.WeChatErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's own credential exchange, answered by the proxy: a client's key stands in for
 * the AppSecret and the answer is a proxy token, so any WeChat SDK works unchanged.
 * Refusals carry WeChat's errcodes (40002, 41002, 41004, 40125, 40013) so that SDKs
 * report them naturally.
 */
@RestController
class CredentialController {

	private final ClientDirectory clients;

	private final ProxyTokens tokens;

	private final ApiProxyProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	CredentialController(ClientDirectory clients, ProxyTokens tokens, ApiProxyProperties properties, ObjectMapper json,
			Clock clock) {
		this.clients = clients;
		this.tokens = tokens;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/cgi-bin/token")
	ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(required = false) String appid, @RequestParam(required = false) String secret) {
		return exchange(grantType, appid, secret);
	}

	@PostMapping("/cgi-bin/stable_token")
	ResponseEntity<Map<String, Object>> stableToken(@RequestBody(required = false) String body) {
		JsonNode request;
		try {
			request = (body != null) ? this.json.readTree(body) : null;
		}
		catch (RuntimeException ex) {
			request = null;
		}
		if (request == null || !request.isObject()) {
			return WeChatRefusal.entity(WeChatErrorCode.DATA_FORMAT_ERROR, "bad-request");
		}
		return exchange(text(request, "grant_type"), text(request, "appid"), text(request, "secret"));
	}

	private ResponseEntity<Map<String, Object>> exchange(String grantType, String appId, String key) {
		if (!"client_credential".equals(grantType)) {
			return WeChatRefusal.entity(WeChatErrorCode.INVALID_GRANT_TYPE, "bad-grant-type");
		}
		if (appId == null || appId.isBlank()) {
			return WeChatRefusal.entity(WeChatErrorCode.APPID_MISSING, "appid-missing");
		}
		if (key == null || key.isBlank()) {
			return WeChatRefusal.entity(WeChatErrorCode.APPSECRET_MISSING, "key-missing");
		}
		Client client = this.clients.byKey(key).orElse(null);
		if (client == null) {
			return WeChatRefusal.entity(WeChatErrorCode.INVALID_APPSECRET, "bad-client-key");
		}
		if (!client.apps().contains(appId)) {
			return WeChatRefusal.entity(WeChatErrorCode.INVALID_APPID, "app-not-allowed");
		}
		Instant expiresAt = this.clock.instant().plus(this.properties.proxyTokenLifetime());
		String token = this.tokens.issue(client.id(), appId, expiresAt);
		return ResponseEntity
			.ok(Map.of("access_token", token, "expires_in", this.properties.proxyTokenLifetime().toSeconds()));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}

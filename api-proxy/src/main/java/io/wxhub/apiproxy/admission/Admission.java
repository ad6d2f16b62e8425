package io.wxhub.apiproxy.admission;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wxhub.apiproxy.admission.Decision.Admitted;
import io.wxhub.apiproxy.admission.Decision.Malformed;
import io.wxhub.apiproxy.admission.Decision.Refused;
import io.wxhub.apiproxy.credential.ClientDirectory;
import io.wxhub.apiproxy.credential.ProxyToken;
import io.wxhub.apiproxy.credential.ProxyTokens;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;
import io.wxhub.protocol.error.WeChatErrorCode;

import org.springframework.stereotype.Component;

/**
 * Whether a call to a forwarded path goes to WeChat, checked in this order: a plain path,
 * a proxy token ({@code access_token}) that is authentic, unexpired and names a known
 * client and one of its apps, a path the client may call, and the client's rate limit.
 */
@Component
public class Admission {

	private static final CompletableFuture<Boolean> UNLIMITED = CompletableFuture.completedFuture(true);

	private final PathRules paths;

	private final ProxyTokens proxyTokens;

	private final ClientDirectory clients;

	private final RateLimit rateLimit;

	public Admission(PathRules paths, ProxyTokens proxyTokens, ClientDirectory clients, RateLimit rateLimit) {
		this.paths = paths;
		this.proxyTokens = proxyTokens;
		this.clients = clients;
		this.rateLimit = rateLimit;
	}

	/**
	 * Decides about a call.
	 * @param rawPath the path as it came
	 * @param rawQuery the query as it came, or null
	 * @return the decision; completes at once unless the client's rate is limited
	 */
	public CompletionStage<Decision> decide(String rawPath, String rawQuery) {
		if (!this.paths.isPlain(rawPath)) {
			return CompletableFuture.completedFuture(new Malformed(rawPath));
		}
		CallerQuery query = CallerQuery.of(rawQuery);
		if (query.presented() == null) {
			return refused(WeChatErrorCode.ACCESS_TOKEN_MISSING, "access-token-missing", "-", "-", rawPath);
		}
		ProxyToken token = this.proxyTokens.verify(query.presented()).orElse(null);
		Client client = (token != null) ? this.clients.byId(token.clientId()).orElse(null) : null;
		if (client == null || !client.apps().contains(token.appId())) {
			return refused(WeChatErrorCode.INVALID_CREDENTIAL, "bad-proxy-token", "-", "-", rawPath);
		}
		return permitted(client, token.appId(), rawPath, query.kept());
	}

	/**
	 * Decides about web authorization's code exchange, where an SDK sends the client key
	 * as the AppSecret: checked like the credential exchange (grant type, appid, the key,
	 * the app among the client's), then like any call (the path among the client's, its
	 * rate limit).
	 * @param path the exchange's path
	 * @param query its parameters
	 * @return the decision; {@link Admitted} names no query
	 */
	public CompletionStage<Decision> decideCodeExchange(String path, CodeExchangeQuery query) {
		if (!"authorization_code".equals(query.grantType())) {
			return refused(WeChatErrorCode.INVALID_GRANT_TYPE, "bad-grant-type", "-", "-", path);
		}
		if (isBlank(query.appId())) {
			return refused(WeChatErrorCode.APPID_MISSING, "appid-missing", "-", "-", path);
		}
		if (isBlank(query.clientKey())) {
			return refused(WeChatErrorCode.APPSECRET_MISSING, "key-missing", "-", "-", path);
		}
		Client client = this.clients.byKey(query.clientKey()).orElse(null);
		if (client == null) {
			return refused(WeChatErrorCode.INVALID_APPSECRET, "bad-client-key", "-", "-", path);
		}
		if (!client.apps().contains(query.appId())) {
			return refused(WeChatErrorCode.INVALID_APPID, "app-not-allowed", client.id(), "-", path);
		}
		return permitted(client, query.appId(), path, null);
	}

	/** The path among the client's, then its rate limit. */
	private CompletionStage<Decision> permitted(Client client, String appId, String path, String keptQuery) {
		if (!this.paths.allowed(client.allow(), path)) {
			return refused(WeChatErrorCode.API_UNAUTHORIZED, "path-not-allowed", client.id(), appId, path);
		}
		Decision admitted = new Admitted(client.id(), appId, path, keptQuery);
		CompletionStage<Boolean> rate = (client.rateLimit() > 0) ? this.rateLimit.tryAcquire(client) : UNLIMITED;
		return rate.thenApply((allowed) -> Boolean.FALSE.equals(allowed)
				? new Refused(WeChatErrorCode.MINUTE_QUOTA_EXCEEDED, "rate-limited", client.id(), appId, path)
				: admitted);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static CompletionStage<Decision> refused(WeChatErrorCode code, String reason, String clientId, String appId,
			String path) {
		return CompletableFuture.completedFuture(new Refused(code, reason, clientId, appId, path));
	}

}

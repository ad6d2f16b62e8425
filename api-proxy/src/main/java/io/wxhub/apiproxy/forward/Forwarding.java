package io.wxhub.apiproxy.forward;

import java.net.URI;
import java.util.concurrent.ExecutorService;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import io.wxhub.apiproxy.credential.ClientDirectory;
import io.wxhub.apiproxy.credential.ProxyTokens;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.WeChatProperties;
import io.wxhub.apiproxy.tokens.AccessTokens;

import org.springframework.stereotype.Component;

/**
 * What a forwarded call needs: the checks (proxy token, client, path, rate), the real
 * token, WeChat as an {@link Upstream}, the audit, and a few threads for the calls that
 * block (token server, Redis rate limiter) so that they never hold an event loop.
 */
@Component
class Forwarding {

	final ProxyTokens proxyTokens;

	final ClientDirectory clients;

	final PathRules paths;

	final RateLimits rateLimits;

	final AccessTokens accessTokens;

	final Audit audit;

	final Upstream wechat;

	final long readTimeoutMillis;

	private final ExecutorService blocking;

	Forwarding(ProxyTokens proxyTokens, ClientDirectory clients, PathRules paths, RateLimits rateLimits,
			AccessTokens accessTokens, Audit audit, WeChatProperties wechat, ApiProxyProperties properties,
			ExecutorService proxyBlockingExecutor) {
		this.proxyTokens = proxyTokens;
		this.clients = clients;
		this.paths = paths;
		this.rateLimits = rateLimits;
		this.accessTokens = accessTokens;
		this.audit = audit;
		this.wechat = new Upstream(URI.create(wechat.apiBaseUrl().replaceAll("/+$", "")), properties.connectTimeout(),
				properties.readTimeout());
		this.readTimeoutMillis = properties.readTimeout().toMillis();
		this.blocking = proxyBlockingExecutor;
	}

	/**
	 * Starts forwarding a complete request whose body (possibly empty) is handed over.
	 */
	void start(Caller caller, HttpRequest request, String rawPath, ByteBuf body) {
		new ForwardCall(this, caller, request, rawPath, body).start();
	}

	/**
	 * Runs a blocking step off the event loop; its continuation runs back on the loop.
	 */
	void offLoop(Runnable step) {
		this.blocking.execute(step);
	}

}

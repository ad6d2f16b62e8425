package io.wxhub.apiproxy.forward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.wxhub.apiproxy.credential.ClientDirectory;
import io.wxhub.apiproxy.credential.ProxyToken;
import io.wxhub.apiproxy.credential.ProxyTokens;
import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every other path: checked (proxy token, path, permission, rate), forwarded to WeChat
 * with the real token, answered with WeChat's status, allowed headers and body, and
 * audited.
 */
@RestController
class ForwardController {

	/** Response headers passed back to the caller. */
	private static final Set<String> RELAYED_HEADERS = Set.of("content-type", "content-disposition", "cache-control",
			"content-length");

	private final ProxyTokens proxyTokens;

	private final ClientDirectory clients;

	private final PathRules paths;

	private final RateLimits rateLimits;

	private final Forwarder forwarder;

	private final Audit audit;

	private final long maxRequestSize;

	ForwardController(ProxyTokens proxyTokens, ClientDirectory clients, PathRules paths, RateLimits rateLimits,
			Forwarder forwarder, Audit audit, ApiProxyProperties properties) {
		this.proxyTokens = proxyTokens;
		this.clients = clients;
		this.paths = paths;
		this.rateLimits = rateLimits;
		this.forwarder = forwarder;
		this.audit = audit;
		this.maxRequestSize = properties.maxRequestSize().toBytes();
	}

	@RequestMapping("/**")
	void forward(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long started = System.nanoTime();
		String path = this.paths.checkForwardable(request.getRequestURI());
		List<String> query = new ArrayList<>();
		String presented = splitQuery(request.getQueryString(), query);
		if (presented == null) {
			refuse(response, "-", "-", path, request, 41001, "access_token missing", "access-token-missing", started);
			return;
		}
		ProxyToken token = this.proxyTokens.verify(presented).orElse(null);
		Client client = (token != null) ? this.clients.byId(token.clientId()).orElse(null) : null;
		if (client == null || !client.apps().contains(token.appId())) {
			refuse(response, "-", "-", path, request, 40001,
					"invalid credential, access_token is invalid or not latest", "bad-proxy-token", started);
			return;
		}
		if (!this.paths.allowed(client.allow(), path)) {
			refuse(response, client.id(), token.appId(), path, request, 48001, "api unauthorized", "path-not-allowed",
					started);
			return;
		}
		if (!this.rateLimits.tryAcquire(client)) {
			refuse(response, client.id(), token.appId(), path, request, 45011,
					"api minute-quota reach limit, must slower, retry next minute", "rate-limited", started);
			return;
		}
		try (RequestBody body = RequestBody.read(request.getInputStream(), request.getContentLengthLong(),
				this.maxRequestSize)) {
			Forwarder.Answer answer = this.forwarder.forward(token.appId(), request.getMethod(), path, query,
					headers(request), body);
			relay(answer, response);
			String outcome = (answer.errcode() == 0) ? "ok" : "wechat_error";
			this.audit.record(client.id(), token.appId(), path, request.getMethod(), outcome, answer.errcode(),
					answer.response().status(), answer.retried(), started);
		}
		catch (ProxyProblem ex) {
			this.audit.record(client.id(), token.appId(), path, request.getMethod(), "failed", -1, ex.status().value(),
					false, started);
			throw ex;
		}
	}

	/**
	 * Keeps every query part but the caller's access_token, whose value it returns (or
	 * null).
	 */
	private static String splitQuery(String rawQuery, List<String> kept) {
		String presented = null;
		if (rawQuery == null) {
			return null;
		}
		for (String part : rawQuery.split("&")) {
			if (part.startsWith("access_token=")) {
				presented = URLDecoder.decode(part.substring(13), StandardCharsets.UTF_8);
			}
			else if (!part.isEmpty()) {
				kept.add(part);
			}
		}
		return presented;
	}

	private static List<String[]> headers(HttpServletRequest request) {
		List<String[]> headers = new ArrayList<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				headers.add(new String[] { name, value });
			}
		}
		return headers;
	}

	private static void relay(Forwarder.Answer answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.response().status());
		for (String[] header : answer.response().headers()) {
			String name = header[0].toLowerCase();
			if (RELAYED_HEADERS.contains(name) && !(answer.bytes() != null && name.equals("content-length"))) {
				response.addHeader(header[0], header[1]);
			}
		}
		OutputStream out = response.getOutputStream();
		if (answer.bytes() != null) {
			response.setContentLength(answer.bytes().length);
			out.write(answer.bytes());
			return;
		}
		try (UpstreamResponse upstream = answer.response(); InputStream in = upstream.body()) {
			in.transferTo(out);
		}
	}

	private void refuse(HttpServletResponse response, String client, String app, String path,
			HttpServletRequest request, int errcode, String errmsg, String reason, long started) throws IOException {
		WeChatRefusal.write(response, errcode, errmsg, reason);
		this.audit.record(client, app, path, request.getMethod(), "refused", errcode, 200, false, started);
	}

}

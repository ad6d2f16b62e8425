package io.wxhub.apiproxy.forward;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.WeChatProperties;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends one request to WeChat with the real access token, the caller's query otherwise
 * untouched and only end-to-end headers from a short allow-list; the answer comes back as
 * a stream.
 */
@Component
class UpstreamCall {

	/**
	 * Request headers worth passing on; hop-by-hop ones, cookies and credentials never
	 * are.
	 */
	private static final Set<String> FORWARDED_HEADERS = Set.of("content-type", "accept", "accept-language",
			"user-agent");

	private final HttpClient http;

	private final String baseUrl;

	private final ApiProxyProperties properties;

	UpstreamCall(WeChatProperties wechat, ApiProxyProperties properties) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		this.baseUrl = wechat.apiBaseUrl().replaceAll("/+$", "");
		this.properties = properties;
	}

	HttpResponse<InputStream> send(String method, String path, List<String> queryParts, String accessToken,
			Iterable<String[]> headers, RequestBody body) {
		StringBuilder query = new StringBuilder();
		for (String part : queryParts) {
			query.append(part).append('&');
		}
		query.append("access_token=").append(URLEncoder.encode(accessToken, StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path + "?" + query))
			.timeout(this.properties.readTimeout())
			.method(method, body.publisher());
		for (String[] header : headers) {
			if (FORWARDED_HEADERS.contains(header[0].toLowerCase())) {
				request.header(header[0], header[1]);
			}
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpTimeoutException ex) {
			throw new ProxyProblem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "WeChat did not answer in time",
					"No answer within " + this.properties.readTimeout().toMillis() + " ms");
		}
		catch (ConnectException ex) {
			throw unreachable();
		}
		catch (IOException ex) {
			throw unreachable();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable();
		}
	}

	private static ProxyProblem unreachable() {
		return new ProxyProblem(HttpStatus.BAD_GATEWAY, "upstream-unreachable", "WeChat is unreachable",
				"The connection to WeChat failed");
	}

}

package io.wxhub.apiproxy.forward;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.WeChatProperties;
import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends one request to WeChat with the real access token, the caller's query otherwise
 * untouched and only end-to-end headers from a short allow-list; the answer comes back as
 * a stream. A blocking, pooled client: the request thread does the I/O itself, with no
 * hand-offs.
 */
@Component
class UpstreamCall {

	/**
	 * Request headers worth passing on; hop-by-hop ones, cookies and credentials never
	 * are.
	 */
	private static final Set<String> FORWARDED_HEADERS = Set.of("content-type", "accept", "accept-language",
			"user-agent");

	private static final InputStream EMPTY = InputStream.nullInputStream();

	private final CloseableHttpClient http;

	private final String baseUrl;

	private final ApiProxyProperties properties;

	UpstreamCall(WeChatProperties wechat, ApiProxyProperties properties) {
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(512)
				.setMaxConnPerRoute(512)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(properties.connectTimeout()))
					.setSocketTimeout(Timeout.of(properties.readTimeout()))
					.build())
				.build())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableContentCompression()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
		this.baseUrl = wechat.apiBaseUrl().replaceAll("/+$", "");
		this.properties = properties;
	}

	UpstreamResponse send(String method, String path, List<String> queryParts, String accessToken,
			Iterable<String[]> headers, RequestBody body) {
		StringBuilder uri = new StringBuilder(this.baseUrl).append(path).append('?');
		for (String part : queryParts) {
			uri.append(part).append('&');
		}
		uri.append("access_token=").append(URLEncoder.encode(accessToken, StandardCharsets.UTF_8));
		ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri.toString());
		for (String[] header : headers) {
			if (FORWARDED_HEADERS.contains(header[0].toLowerCase())) {
				request.addHeader(header[0], header[1]);
			}
		}
		if (body.length() > 0) {
			request.setEntity(body.entity());
		}
		try {
			ClassicHttpResponse response = this.http.executeOpen(null, request.build(), null);
			List<String[]> answerHeaders = new ArrayList<>();
			for (Header header : response.getHeaders()) {
				answerHeaders.add(new String[] { header.getName(), header.getValue() });
			}
			InputStream content = (response.getEntity() != null) ? response.getEntity().getContent() : EMPTY;
			return new UpstreamResponse(response.getCode(), answerHeaders, content, response);
		}
		catch (ConnectTimeoutException | HttpHostConnectException ex) {
			throw unreachable();
		}
		catch (java.net.SocketTimeoutException ex) {
			throw new ProxyProblem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "WeChat did not answer in time",
					"No answer within " + this.properties.readTimeout().toMillis() + " ms");
		}
		catch (IOException ex) {
			throw unreachable();
		}
	}

	@PreDestroy
	void close() throws IOException {
		this.http.close();
	}

	private static ProxyProblem unreachable() {
		return new ProxyProblem(HttpStatus.BAD_GATEWAY, "upstream-unreachable", "WeChat is unreachable",
				"The connection to WeChat failed");
	}

}

package io.wxhub.apiproxy.forward;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * What crosses the proxy: the caller's request as WeChat gets it (the real token in place
 * of the proxy token, the query otherwise untouched, end-to-end headers from a short
 * allow-list) and WeChat's answer as the caller gets it.
 */
final class ForwardedMessages {

	/** Request headers passed on; hop-by-hop ones, cookies and credentials never are. */
	private static final Set<String> FORWARDED_HEADERS = Set.of("content-type", "accept", "accept-language",
			"user-agent");

	/** Answer headers passed back to the caller. */
	private static final Set<String> RELAYED_HEADERS = Set.of("content-type", "content-disposition", "cache-control");

	private ForwardedMessages() {
	}

	/** Path and query of the request to WeChat, with the real token. */
	static String uri(String path, String keptQuery, String realToken) {
		StringBuilder uri = new StringBuilder(path.length() + 200).append(path).append('?');
		if (keptQuery != null) {
			uri.append(keptQuery).append('&');
		}
		return uri.append("access_token=").append(URLEncoder.encode(realToken, StandardCharsets.UTF_8)).toString();
	}

	/** The caller's headers that WeChat gets. */
	static HttpHeaders forwarded(HttpHeaders caller) {
		return kept(caller, FORWARDED_HEADERS);
	}

	/** WeChat's answer headers that the caller gets. */
	static HttpHeaders relayed(HttpHeaders answer) {
		return kept(answer, RELAYED_HEADERS);
	}

	private static HttpHeaders kept(HttpHeaders headers, Set<String> names) {
		HttpHeaders kept = new DefaultHttpHeaders(false);
		for (var header : headers) {
			if (names.contains(header.getKey().toLowerCase())) {
				kept.add(header.getKey(), header.getValue());
			}
		}
		return kept;
	}

}

package io.wxhub.apiproxy.forward;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.HttpHeaders;

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
		HttpHeaders kept = new HttpHeaders();
		caller.forEach((name, values) -> {
			if (FORWARDED_HEADERS.contains(name.toLowerCase())) {
				kept.addAll(name, values);
			}
		});
		return kept;
	}

	/** WeChat's answer headers that the caller gets. */
	static HttpHeaders relayed(io.netty.handler.codec.http.HttpHeaders answer) {
		HttpHeaders kept = new HttpHeaders();
		for (var header : answer) {
			if (RELAYED_HEADERS.contains(header.getKey().toLowerCase())) {
				kept.add(header.getKey(), header.getValue());
			}
		}
		return kept;
	}

}

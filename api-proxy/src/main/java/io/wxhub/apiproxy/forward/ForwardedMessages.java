package io.wxhub.apiproxy.forward;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;

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

	/** The request to WeChat; the body is handed over. */
	static FullHttpRequest toWeChat(HttpRequest caller, String path, String keptQuery, String realToken, ByteBuf body,
			String hostHeader) {
		StringBuilder uri = new StringBuilder(path.length() + 200).append(path).append('?');
		if (keptQuery != null) {
			uri.append(keptQuery).append('&');
		}
		uri.append("access_token=").append(URLEncoder.encode(realToken, StandardCharsets.UTF_8));
		FullHttpRequest upstream = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, caller.method(), uri.toString(),
				body);
		HttpHeaders headers = upstream.headers();
		for (var header : caller.headers()) {
			if (FORWARDED_HEADERS.contains(header.getKey().toLowerCase())) {
				headers.add(header.getKey(), header.getValue());
			}
		}
		headers.set(HttpHeaderNames.HOST, hostHeader);
		if (body.isReadable() || !caller.method().equals(HttpMethod.GET)) {
			headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
		}
		return upstream;
	}

	/**
	 * The head of a streamed answer: length as announced, or chunked when unknown (-1).
	 */
	static HttpResponse relayedHead(HttpResponse answer, long length) {
		HttpResponse relayed = new DefaultHttpResponse(HttpVersion.HTTP_1_1, answer.status());
		copyRelayedHeaders(answer, relayed.headers());
		if (length >= 0) {
			relayed.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
		}
		else {
			relayed.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
		}
		return relayed;
	}

	static void copyRelayedHeaders(HttpResponse from, HttpHeaders to) {
		for (var header : from.headers()) {
			if (RELAYED_HEADERS.contains(header.getKey().toLowerCase())) {
				to.add(header.getKey(), header.getValue());
			}
		}
	}

	/**
	 * The caller's query split in two.
	 *
	 * @param presented the value of its access_token (the proxy token), or null
	 * @param kept every other part, as it came, or null when none
	 */
	record Query(String presented, String kept) {

		static Query of(String rawQuery) {
			if (rawQuery == null) {
				return new Query(null, null);
			}
			String presented = null;
			StringBuilder kept = new StringBuilder(rawQuery.length());
			for (String part : rawQuery.split("&")) {
				if (part.startsWith("access_token=")) {
					presented = URLDecoder.decode(part.substring(13), StandardCharsets.UTF_8);
				}
				else if (!part.isEmpty()) {
					kept.append((kept.length() > 0) ? "&" : "").append(part);
				}
			}
			return new Query(presented, (kept.length() > 0) ? kept.toString() : null);
		}

	}

}

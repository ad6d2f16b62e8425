package io.wxhub.apiproxy.forward;

import java.net.URI;
import java.time.Duration;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * WeChat (or the sandbox standing in for it) over pooled keep-alive connections, with TLS
 * and host name verification for https. Run on the server's event loops, a call's
 * connection is taken on the loop that read the caller's request.
 */
final class WeChatClient {

	/** JSON answers larger than this are streamed without looking for an errcode. */
	static final int INSPECTED_LIMIT = 1 << 20;

	private static final byte[] NO_BODY = new byte[0];

	private final HttpClient http;

	private final ConnectionProvider pool;

	/**
	 * A client of an origin.
	 * @param origin scheme, host and port of WeChat
	 * @param tls the TLS context for https; null for the JDK's trusted roots
	 * @param loops the event loops to run on; null for Reactor Netty's own
	 */
	WeChatClient(URI origin, Duration connectTimeout, Duration readTimeout, SslContext tls, LoopResources loops) {
		this.pool = ConnectionProvider.builder("wechat")
			.maxConnections(1024)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(connectTimeout.plus(readTimeout))
			// closed before WeChat would close them
			.maxIdleTime(Duration.ofSeconds(15))
			.build();
		HttpClient http = HttpClient.create(this.pool)
			.baseUrl(origin.toString().replaceAll("/+$", ""))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
			.option(ChannelOption.TCP_NODELAY, true)
			.responseTimeout(readTimeout);
		if (loops != null) {
			http = http.runOn(loops);
		}
		if ("https".equalsIgnoreCase(origin.getScheme())) {
			http = (tls != null) ? http.secure((spec) -> spec.sslContext(tls)) : http.secure();
		}
		this.http = http;
	}

	/**
	 * Sends a request; fails with {@link UpstreamFailure} when no answer comes.
	 * @param uri path and query
	 * @param headers the headers to send (besides Host and the body's length)
	 * @param body the body, possibly empty
	 */
	Mono<Answer> send(String method, String uri, HttpHeaders headers, byte[] body) {
		boolean withBody = body.length > 0 || !"GET".equals(method);
		return this.http.request(HttpMethod.valueOf(method)).uri(uri).send((request, out) -> {
			request.requestHeaders().add(headers);
			if (!withBody) {
				return out;
			}
			request.requestHeaders().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
			return out.sendByteArray(Mono.just(body));
		}).responseConnection(this::answer).next().onErrorMap(UpstreamFailure::of);
	}

	private Mono<Answer> answer(HttpClientResponse response, Connection connection) {
		int status = response.status().code();
		HttpHeaders headers = ForwardedMessages.relayed(response.responseHeaders());
		String type = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, "");
		String announced = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
		long length = (announced != null) ? Long.parseLong(announced) : -1;
		boolean jsonLike = type.contains("json") || type.startsWith("text/plain");
		if (jsonLike && length <= INSPECTED_LIMIT) {
			// A JSON answer of unknown length (chunked) is read whole too: WeChat's are
			// small.
			return connection.inbound()
				.receive()
				.aggregate()
				.asByteArray()
				.defaultIfEmpty(NO_BODY)
				.map((bytes) -> new Answer.Whole(status, headers, bytes));
		}
		Flux<ByteBuf> body = connection.inbound().receive().retain();
		return Mono.just(new Answer.Streamed(status, headers, length, body));
	}

	/**
	 * Loads what the first call would otherwise wait for (event loops, the host name
	 * resolver, native transport).
	 */
	void warmup() {
		this.http.warmup().block();
	}

	/** Closes the pooled connections. */
	void close() {
		this.pool.dispose();
	}

}

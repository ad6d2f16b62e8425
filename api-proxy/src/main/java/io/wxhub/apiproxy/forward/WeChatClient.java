package io.wxhub.apiproxy.forward;

import java.net.URI;
import java.time.Duration;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslContext;
import io.wxhub.domains.CallOutcome;
import io.wxhub.domains.WeChatDomain;
import io.wxhub.domains.WeChatDomains;
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
 * <p>
 * A call goes to WeChat's current domain and is recorded for it (its circuit breaker may
 * then move the next calls). It is sent again on another domain only when WeChat cannot
 * have acted on it: a connection that never opened moves it to the next untried domain at
 * once, whatever the method. A GET (WeChat's are reads) also moves once on a 5xx answer
 * or a connection lost before the answer. A timeout is never re-sent, so a caller waits
 * at most the read timeout, and a POST that may have reached WeChat is never sent twice.
 */
final class WeChatClient {

	/** JSON answers larger than this are streamed without looking for an errcode. */
	static final int INSPECTED_LIMIT = 1 << 20;

	private static final byte[] NO_BODY = new byte[0];

	/**
	 * In a call's set of tried domains: the call was already sent again after a failure.
	 */
	private static final int RESENT = 1 << 31;

	private final WeChatDomains domains;

	/** One client per domain, by {@link WeChatDomain#index()}, sharing one pool. */
	private final HttpClient[] clients;

	private final ConnectionProvider pool;

	/** A client of one origin (tests). */
	WeChatClient(URI origin, Duration connectTimeout, Duration readTimeout, SslContext tls, LoopResources loops) {
		this(WeChatDomains.single(origin.toString()), connectTimeout, readTimeout, tls, loops);
	}

	/**
	 * A client of WeChat's domains.
	 * @param tls the TLS context for https; null for the JDK's trusted roots
	 * @param loops the event loops to run on; null for Reactor Netty's own
	 */
	WeChatClient(WeChatDomains domains, Duration connectTimeout, Duration readTimeout, SslContext tls,
			LoopResources loops) {
		this.domains = domains;
		this.pool = ConnectionProvider.builder("wechat")
			.maxConnections(1024)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(connectTimeout.plus(readTimeout))
			// closed before WeChat would close them
			.maxIdleTime(Duration.ofSeconds(15))
			.build();
		this.clients = domains.all()
			.stream()
			.map((domain) -> client(URI.create(domain.baseUrl()), connectTimeout, readTimeout, tls, loops))
			.toArray(HttpClient[]::new);
	}

	private HttpClient client(URI origin, Duration connectTimeout, Duration readTimeout, SslContext tls,
			LoopResources loops) {
		HttpClient http = HttpClient.create(this.pool)
			.baseUrl(origin.toString())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
			.option(ChannelOption.TCP_NODELAY, true)
			.responseTimeout(readTimeout);
		if (loops != null) {
			http = http.runOn(loops);
		}
		if ("https".equalsIgnoreCase(origin.getScheme())) {
			http = (tls != null) ? http.secure((spec) -> spec.sslContext(tls)) : http.secure();
		}
		return http;
	}

	/**
	 * Sends a request to WeChat's current domain, and to others as the class comment
	 * says; fails with {@link UpstreamFailure} when no answer comes.
	 * @param uri path and query
	 * @param headers the headers to send (besides Host and the body's length)
	 * @param body the body, possibly empty
	 */
	Mono<Answer> send(String method, String uri, HttpHeaders headers, byte[] body) {
		return attempt(this.domains.current(), 0, method, uri, headers, body);
	}

	private Mono<Answer> attempt(WeChatDomain domain, int tried, String method, String uri, HttpHeaders headers,
			byte[] body) {
		int triedNow = tried | (1 << domain.index());
		boolean resendable = "GET".equals(method) && (tried & RESENT) == 0;
		long started = System.nanoTime();
		return exchange(domain, method, uri, headers, body).flatMap((answer) -> {
			CallOutcome outcome = CallOutcome.ofStatus(answer.status());
			domain.record(outcome, System.nanoTime() - started);
			WeChatDomain next = (outcome.isFailure() && resendable) ? this.domains.next(triedNow) : null;
			return (next != null) ? attempt(next, triedNow | RESENT, method, uri, headers, body) : Mono.just(answer);
		}).onErrorResume(UpstreamFailure.class, (failure) -> {
			CallOutcome outcome = failure.outcome();
			domain.record(outcome, System.nanoTime() - started);
			boolean move = outcome.neverSent() || (outcome == CallOutcome.BROKEN && resendable);
			WeChatDomain next = move ? this.domains.next(triedNow) : null;
			return (next != null)
					? attempt(next, outcome.neverSent() ? triedNow : triedNow | RESENT, method, uri, headers, body)
					: Mono.error(failure);
		});
	}

	private Mono<Answer> exchange(WeChatDomain domain, String method, String uri, HttpHeaders headers, byte[] body) {
		boolean withBody = body.length > 0 || !"GET".equals(method);
		return this.clients[domain.index()].request(HttpMethod.valueOf(method)).uri(uri).send((request, out) -> {
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
		// 5xx answers too, so that a GET can be sent to another domain instead
		if ((jsonLike || status >= 500) && length <= INSPECTED_LIMIT) {
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
		for (HttpClient client : this.clients) {
			client.warmup().block();
		}
	}

	/** Closes the pooled connections. */
	void close() {
		this.pool.dispose();
	}

}

package io.wxhub.apiproxy.forward;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * One HTTP origin (WeChat, or this replica's own servlet container) reached over pooled
 * keep-alive connections. Each event loop keeps its own idle connections, so a call runs
 * start to end on the thread that read the caller's request, with no hand-off.
 */
final class Upstream {

	static final AttributeKey<UpstreamExchange> EXCHANGE = AttributeKey.valueOf("wxhub.exchange");

	private static final int MAX_IDLE_PER_LOOP = 256;

	/** Idle pooled connections are closed before the origin would close them. */
	private static final int IDLE_SECONDS = 15;

	private final String host;

	private final int port;

	private final String hostHeader;

	private final SslContext ssl;

	private final int connectTimeoutMillis;

	private final long readTimeoutMillis;

	private final FastThreadLocal<ArrayDeque<Channel>> idle = new FastThreadLocal<>() {
		@Override
		protected ArrayDeque<Channel> initialValue() {
			return new ArrayDeque<>();
		}
	};

	Upstream(URI origin, Duration connectTimeout, Duration readTimeout) {
		this(origin, connectTimeout, readTimeout, null);
	}

	/** With a given TLS context for https origins (the JDK's trusted roots when null). */
	Upstream(URI origin, Duration connectTimeout, Duration readTimeout, SslContext tls) {
		boolean https = "https".equalsIgnoreCase(origin.getScheme());
		this.host = origin.getHost();
		this.port = (origin.getPort() > 0) ? origin.getPort() : (https ? 443 : 80);
		this.hostHeader = (origin.getPort() > 0) ? this.host + ":" + this.port : this.host;
		this.ssl = !https ? null : (tls != null) ? tls : clientSsl();
		this.connectTimeoutMillis = (int) connectTimeout.toMillis();
		this.readTimeoutMillis = readTimeout.toMillis();
	}

	/** The value of the Host header for requests to this origin. */
	String hostHeader() {
		return this.hostHeader;
	}

	/**
	 * Sends a complete request (its body must be a full message or none) on a pooled or
	 * new connection of {@code loop}; the answer, or a failure, goes to {@code listener}
	 * on that loop.
	 */
	void send(EventLoop loop, HttpRequest request, Listener listener) {
		if (!loop.inEventLoop()) {
			loop.execute(() -> send(loop, request, listener));
			return;
		}
		ArrayDeque<Channel> pool = this.idle.get();
		Channel channel;
		while ((channel = pool.pollFirst()) != null) {
			if (channel.isActive()) {
				start(channel, request, listener, true);
				return;
			}
		}
		connect(loop, request, listener);
	}

	void connect(EventLoop loop, HttpRequest request, Listener listener) {
		new Bootstrap().group(loop)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, this.connectTimeoutMillis)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					if (Upstream.this.ssl != null) {
						ch.pipeline().addLast(sslHandler(ch));
					}
					ch.pipeline()
						.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS), new HttpClientCodec(),
								new UpstreamResponseHandler(Upstream.this));
				}
			})
			.connect(this.host, this.port)
			.addListener((ChannelFutureListener) (future) -> {
				if (future.isSuccess()) {
					start(future.channel(), request, listener, false);
				}
				else {
					ReferenceCountUtil.release(request);
					listener.failed(Failure.UNREACHABLE);
				}
			});
	}

	private void start(Channel channel, HttpRequest request, Listener listener, boolean reused) {
		UpstreamExchange exchange = new UpstreamExchange(listener, reused ? ReferenceCountUtil.retain(request) : null);
		channel.attr(EXCHANGE).set(exchange);
		exchange.timeout = channel.eventLoop().schedule(() -> {
			if (channel.attr(EXCHANGE).compareAndSet(exchange, null)) {
				channel.close();
				exchange.release();
				listener.failed(Failure.TIMEOUT);
			}
		}, this.readTimeoutMillis, TimeUnit.MILLISECONDS);
		channel.writeAndFlush(request);
	}

	private SslHandler sslHandler(SocketChannel ch) {
		SslHandler handler = this.ssl.newHandler(ch.alloc(), this.host, this.port);
		SSLParameters parameters = handler.engine().getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		handler.engine().setSSLParameters(parameters);
		return handler;
	}

	private static SslContext clientSsl() {
		try {
			return SslContextBuilder.forClient().build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("No TLS client context", ex);
		}
	}

	/** Why no answer came. */
	enum Failure {

		/** The connection failed or closed before an answer. */
		UNREACHABLE,

		/** No answer began within the read timeout. */
		TIMEOUT

	}

	/** Receives one answer, in order, on the connection's event loop. */
	interface Listener {

		/**
		 * The status line and headers; {@code connection} can be paused for flow control.
		 */
		void head(HttpResponse head, Channel connection);

		/** A part of the body, handed over (the listener releases it). */
		void content(HttpContent content, boolean last);

		void failed(Failure failure);

	}

	/** After an answer: keeps the connection for the next call, or closes it. */
	void giveBack(Channel channel, boolean reusable) {
		ArrayDeque<Channel> pool = this.idle.get();
		if (reusable && channel.isActive() && pool.size() < MAX_IDLE_PER_LOOP) {
			pool.addFirst(channel);
		}
		else {
			channel.close();
		}
	}

}

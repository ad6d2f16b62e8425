package io.wxhub.apiproxy.forward;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.wxhub.apiproxy.system.ApiProxyProperties;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The proxy's public HTTP port ({@code server.port}): an event-loop server, so a
 * forwarded call costs no thread of its own and no hand-off between threads. Requests
 * that are not forwarded APIs go on to the servlet container, which listens on a loopback
 * port of its own (see {@link ProxyServerConfiguration}). Starts after the servlet
 * container and stops before it.
 */
@Component
public final class ProxyServer implements SmartLifecycle {

	/** Request line and headers up to 8 KiB each, as the servlet container allows. */
	private static final HttpDecoderConfig REQUEST_LIMITS = new HttpDecoderConfig().setMaxInitialLineLength(8192)
		.setMaxHeaderSize(8192);

	private final Forwarding forwarding;

	private final ApiProxyProperties properties;

	private final Environment environment;

	private final ApplicationContext context;

	private EventLoopGroup loops;

	private Channel listening;

	ProxyServer(Forwarding forwarding, ApiProxyProperties properties, Environment environment,
			ApplicationContext context) {
		this.forwarding = forwarding;
		this.properties = properties;
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void start() {
		int servletPort = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		Upstream servlet = new Upstream(URI.create("http://127.0.0.1:" + servletPort), Duration.ofSeconds(2),
				Duration.ofSeconds(60));
		long maxBody = this.properties.maxRequestSize().toBytes();
		this.loops = new MultiThreadIoEventLoopGroup(this.properties.effectiveIoThreads(),
				new DefaultThreadFactory("proxy-io"), NioIoHandler.newFactory());
		String address = this.environment.getProperty("server.address");
		int port = this.environment.getProperty("server.port", Integer.class, 8082);
		InetSocketAddress bindTo = (address != null) ? new InetSocketAddress(address, port)
				: new InetSocketAddress(port);
		this.listening = new ServerBootstrap().group(this.loops)
			.channel(NioServerSocketChannel.class)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline()
						.addLast(new HttpServerCodec(REQUEST_LIMITS), new HttpServerExpectContinueHandler(),
								new FrontHandler(ProxyServer.this.forwarding, servlet, maxBody));
				}
			})
			.bind(bindTo)
			.syncUninterruptibly()
			.channel();
	}

	@Override
	public void stop() {
		if (this.listening != null) {
			this.listening.close().syncUninterruptibly();
			this.loops.shutdownGracefully(100, 5000, TimeUnit.MILLISECONDS).syncUninterruptibly();
			this.listening = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.listening != null;
	}

	/** The public port, once started (useful when {@code server.port} is 0). */
	public int port() {
		return ((InetSocketAddress) this.listening.localAddress()).getPort();
	}

}

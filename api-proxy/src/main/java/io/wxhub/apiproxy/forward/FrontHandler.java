package io.wxhub.apiproxy.forward;

import java.util.ArrayDeque;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One caller's connection: reads a request and its body (bounded), hands it to a
 * {@link ForwardCall} when it is a WeChat API under the forwarded prefixes, else to a
 * {@link RelayCall} (credential exchange, actuator), and writes the answer back. One call
 * at a time; requests a client pipelines meanwhile wait their turn.
 */
final class FrontHandler extends ChannelInboundHandlerAdapter implements Caller {

	private static final int MAX_PIPELINED = 32;

	private final Forwarding forwarding;

	private final Upstream servlet;

	private final long maxBody;

	private final ArrayDeque<Object> pipelined = new ArrayDeque<>();

	private ChannelHandlerContext ctx;

	private HttpRequest request;

	private CompositeByteBuf body;

	private long bodyBytes;

	private boolean tooLarge;

	private boolean calling;

	private boolean keepAlive;

	private Runnable whenWritable;

	FrontHandler(Forwarding forwarding, Upstream servlet, long maxBody) {
		this.forwarding = forwarding;
		this.servlet = servlet;
		this.maxBody = maxBody;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.ctx = ctx;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		if (this.calling) {
			this.pipelined.add(message);
			if (this.pipelined.size() > MAX_PIPELINED) {
				ctx.close();
			}
			return;
		}
		read(message);
	}

	private void read(Object message) {
		if (!(message instanceof HttpObject http) || http.decoderResult().isFailure()) {
			ReferenceCountUtil.release(message);
			if (this.body != null) {
				this.body.release();
				this.body = null;
			}
			this.request = null;
			this.keepAlive = false;
			this.calling = true;
			answer(Answers.problem(400, "bad-request", "Malformed request", "The request is not valid HTTP/1.1", "/"));
			return;
		}
		if (message instanceof HttpRequest head) {
			this.request = head;
			this.keepAlive = HttpUtil.isKeepAlive(head);
			this.tooLarge = HttpUtil.getContentLength(head, 0L) > this.maxBody;
			this.body = this.ctx.alloc().compositeBuffer(1024);
			this.bodyBytes = 0;
		}
		if (message instanceof HttpContent part) {
			collect(part);
		}
	}

	private void collect(HttpContent part) {
		if (this.request == null) {
			part.release();
			return;
		}
		this.bodyBytes += part.content().readableBytes();
		if (this.tooLarge || this.bodyBytes > this.maxBody) {
			// Read to the end, so the caller gets to read the 413.
			this.tooLarge = true;
			part.release();
		}
		else {
			this.body.addComponent(true, part.content());
		}
		if (part instanceof LastHttpContent) {
			complete();
		}
	}

	private void complete() {
		HttpRequest head = this.request;
		ByteBuf content = this.body;
		this.request = null;
		this.body = null;
		this.calling = true;
		String path = rawPath(head.uri());
		if (this.tooLarge) {
			content.release();
			this.keepAlive = false;
			answer(Answers.problem(413, "body-too-large", "Request body too large",
					"Request bodies are limited to " + this.maxBody + " bytes", path));
		}
		else if (this.forwarding.paths.isForwarded(path)) {
			this.forwarding.start(this, head, path, content);
		}
		else {
			RelayCall.start(this.servlet, this, head, content);
		}
	}

	@Override
	public EventLoop loop() {
		return this.ctx.channel().eventLoop();
	}

	@Override
	public void answer(FullHttpResponse response) {
		HttpUtil.setKeepAlive(response, this.keepAlive);
		this.ctx.writeAndFlush(response);
		ended();
	}

	@Override
	public void answerHead(HttpResponse head) {
		HttpUtil.setKeepAlive(head, this.keepAlive);
		this.ctx.write(head);
	}

	@Override
	public void answerPart(HttpContent part, boolean last) {
		this.ctx.writeAndFlush(part);
		if (last) {
			ended();
		}
	}

	@Override
	public void abort() {
		this.keepAlive = false;
		ended();
	}

	@Override
	public boolean writable() {
		return this.ctx.channel().isWritable();
	}

	@Override
	public void whenWritable(Runnable action) {
		this.whenWritable = action;
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		Runnable action = this.whenWritable;
		if (action != null && ctx.channel().isWritable()) {
			this.whenWritable = null;
			action.run();
		}
		ctx.fireChannelWritabilityChanged();
	}

	/** The call is answered: the next request may be read. */
	private void ended() {
		this.calling = false;
		if (!this.keepAlive) {
			this.ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
			return;
		}
		while (!this.calling && !this.pipelined.isEmpty()) {
			read(this.pipelined.poll());
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.body != null) {
			this.body.release();
			this.body = null;
		}
		this.pipelined.forEach(ReferenceCountUtil::release);
		this.pipelined.clear();
		Runnable action = this.whenWritable;
		this.whenWritable = null;
		if (action != null) {
			action.run();
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ctx.close();
	}

	private static String rawPath(String uri) {
		int mark = uri.indexOf('?');
		return (mark < 0) ? uri : uri.substring(0, mark);
	}

}

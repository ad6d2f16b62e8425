package io.wxhub.apiproxy.forward;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The end of an upstream connection's pipeline: hands the answer to the call in progress,
 * then gives the connection back to its pool (or closes it); reports a connection lost
 * before the answer.
 */
final class UpstreamResponseHandler extends SimpleChannelInboundHandler<HttpObject> {

	private final Upstream upstream;

	private boolean reusable;

	UpstreamResponseHandler(Upstream upstream) {
		super(false);
		this.upstream = upstream;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
		UpstreamExchange exchange = ctx.channel().attr(Upstream.EXCHANGE).get();
		if (exchange == null) {
			ReferenceCountUtil.release(message);
			ctx.close();
			return;
		}
		if (message instanceof HttpResponse head) {
			if (head.status().code() == 100) {
				ReferenceCountUtil.release(message);
				return;
			}
			exchange.timeout.cancel(false);
			exchange.answered = true;
			exchange.release();
			this.reusable = HttpUtil.isKeepAlive(head) && head.decoderResult().isSuccess();
			exchange.listener.head(head, ctx.channel());
		}
		if (message instanceof HttpContent content) {
			boolean last = content instanceof LastHttpContent;
			if (last) {
				ctx.channel().attr(Upstream.EXCHANGE).set(null);
				ctx.channel().config().setAutoRead(true);
				this.upstream.giveBack(ctx.channel(), this.reusable);
			}
			exchange.listener.content(content, last);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		UpstreamExchange exchange = ctx.channel().attr(Upstream.EXCHANGE).getAndSet(null);
		if (exchange == null) {
			return;
		}
		exchange.timeout.cancel(false);
		if (!exchange.answered && exchange.resend != null) {
			// A pooled connection the origin had just closed: once more, on a new one.
			HttpRequest again = exchange.resend;
			exchange.resend = null;
			this.upstream.connect(ctx.channel().eventLoop(), again, exchange.listener);
			return;
		}
		exchange.release();
		exchange.listener.failed(Upstream.Failure.UNREACHABLE);
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		UpstreamExchange exchange = ctx.channel().attr(Upstream.EXCHANGE).get();
		// Idle in the pool, or stalled mid-answer (the read timeout covers the wait for a
		// head).
		if (event instanceof IdleStateEvent && (exchange == null || exchange.answered)) {
			ctx.close();
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ctx.close();
	}

}

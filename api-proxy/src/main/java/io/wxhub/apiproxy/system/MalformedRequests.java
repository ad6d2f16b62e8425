package io.wxhub.apiproxy.system;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers a request the HTTP decoder could not read (not HTTP/1.1, request line or
 * headers over 8 KiB) with a 400 problem and closes the connection. The server would
 * answer such requests itself, but with an empty body and, for long lines, 414/431; the
 * proxy's callers have always had a 400 problem. When an earlier request of the same
 * connection is still being answered, the server's own answer keeps the order.
 */
final class MalformedRequests extends ChannelDuplexHandler {

	private int unanswered;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		if (message instanceof HttpRequest request) {
			if (request.decoderResult().isFailure() && this.unanswered == 0) {
				ReferenceCountUtil.release(message);
				ctx.channel().config().setAutoRead(false);
				ctx.writeAndFlush(badRequest()).addListener(ChannelFutureListener.CLOSE);
				return;
			}
			this.unanswered++;
		}
		ctx.fireChannelRead(message);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
		boolean interim = message instanceof HttpResponse head
				&& head.status().codeClass() == HttpStatusClass.INFORMATIONAL;
		if (message instanceof LastHttpContent && !interim && this.unanswered > 0) {
			this.unanswered--;
		}
		ctx.write(message, promise);
	}

	private static FullHttpResponse badRequest() {
		byte[] body = ProblemJson.body(400, "bad-request", "Malformed request", "The request is not valid HTTP/1.1",
				"/");
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
				Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, ProblemJson.MEDIA_TYPE.toString())
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return response;
	}

}

package io.wxhub.apiproxy.forward;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A request that is not a forwarded WeChat API (the credential exchange, actuator) passed
 * to this replica's own servlet container on loopback, and its answer streamed back; only
 * hop-by-hop headers are dropped.
 */
final class RelayCall implements Upstream.Listener {

	/** Hop-by-hop headers (RFC 9110, 7.6.1), which concern one connection only. */
	private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
			"proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect");

	private final Caller caller;

	private boolean streaming;

	private RelayCall(Caller caller) {
		this.caller = caller;
	}

	/** Relays a complete request whose body (possibly empty) is handed over. */
	static void start(Upstream servlet, Caller caller, HttpRequest request, ByteBuf body) {
		FullHttpRequest relayed = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(),
				body);
		relayed.headers().set(request.headers());
		dropHopByHop(relayed.headers());
		relayed.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
		servlet.send(caller.loop(), relayed, new RelayCall(caller));
	}

	@Override
	public void head(HttpResponse answer, Channel connection) {
		HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, answer.status(), answer.headers().copy());
		dropHopByHop(head.headers());
		if (!HttpUtil.isContentLengthSet(head)) {
			HttpUtil.setTransferEncodingChunked(head, true);
		}
		this.streaming = true;
		this.caller.answerHead(head);
	}

	@Override
	public void content(HttpContent part, boolean last) {
		this.caller.answerPart(part, last);
	}

	@Override
	public void failed(Upstream.Failure failure) {
		if (this.streaming) {
			this.caller.abort();
			return;
		}
		this.caller.answer(Answers.problem(502, "internal-unreachable", "Service unavailable",
				"The request could not be handled", "/"));
	}

	private static void dropHopByHop(HttpHeaders headers) {
		for (String name : HOP_BY_HOP) {
			headers.remove(name);
		}
	}

}

package io.wxhub.apiproxy.forward;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An answer to one request: WeChat's (read whole when it is JSON, streamed otherwise) or
 * one the proxy makes itself, written to the caller without Spring's message writers.
 */
sealed interface Answer {

	int status();

	/** The headers the caller gets. */
	HttpHeaders headers();

	/** Writes this answer as the response to the caller. */
	Mono<Void> writeTo(HttpServerResponse response);

	/**
	 * An answer held whole: WeChat's JSON of up to {@link WeChatClient#INSPECTED_LIMIT}
	 * bytes, read whole so that its errcode can be checked, or the proxy's own.
	 *
	 * @param status the HTTP status
	 * @param headers the headers the caller gets
	 * @param body the body
	 */
	record Whole(int status, HttpHeaders headers, byte[] body) implements Answer {

		@Override
		public Mono<Void> writeTo(HttpServerResponse response) {
			response.status(HttpResponseStatus.valueOf(this.status)).headers(this.headers);
			response.responseHeaders().setInt(HttpHeaderNames.CONTENT_LENGTH, this.body.length);
			// A Mono is written as one full message: head and body in one write.
			return response.send(Mono.just(Unpooled.wrappedBuffer(this.body))).then();
		}

	}

	/**
	 * Any other answer (media downloads): its body flows to the caller as WeChat sends
	 * it, no faster than the caller reads.
	 *
	 * @param status the HTTP status
	 * @param headers the headers the caller gets
	 * @param length the announced length, or -1
	 * @param body the body, each buffer retained; must be subscribed once, or the
	 * connection is held
	 */
	record Streamed(int status, HttpHeaders headers, long length, Flux<ByteBuf> body) implements Answer {

		@Override
		public Mono<Void> writeTo(HttpServerResponse response) {
			response.status(HttpResponseStatus.valueOf(this.status)).headers(this.headers);
			if (this.length >= 0) {
				response.responseHeaders().set(HttpHeaderNames.CONTENT_LENGTH, this.length);
			}
			return response.send(this.body).then();
		}

	}

}

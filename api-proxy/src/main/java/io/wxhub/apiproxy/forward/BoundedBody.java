package io.wxhub.apiproxy.forward;

import java.io.ByteArrayOutputStream;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request body read whole, so that it can be sent again after a token rejection, up to
 * a limit. A larger body is read to its end and dropped, so that the caller, still
 * sending, gets to read the 413.
 */
final class BoundedBody {

	private static final BoundedBody EMPTY = new BoundedBody(0);

	private final long limit;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private boolean tooLarge;

	private BoundedBody(long limit) {
		this.limit = limit;
	}

	/** No body (a request without Content-Length or Transfer-Encoding). */
	static Mono<BoundedBody> none() {
		return Mono.just(EMPTY);
	}

	/**
	 * Reads a body.
	 * @param body the body's parts, released by their publisher once handed over
	 * @param limit the most bytes kept
	 */
	static Mono<BoundedBody> read(Flux<ByteBuf> body, long limit) {
		return body.reduce(new BoundedBody(limit), BoundedBody::add);
	}

	private BoundedBody add(ByteBuf part) {
		int length = part.readableBytes();
		if (!this.tooLarge && this.bytes.size() + (long) length <= this.limit) {
			byte[] copy = new byte[length];
			part.readBytes(copy);
			this.bytes.writeBytes(copy);
		}
		else {
			this.tooLarge = true;
		}
		return this;
	}

	boolean tooLarge() {
		return this.tooLarge;
	}

	byte[] bytes() {
		return this.bytes.toByteArray();
	}

}

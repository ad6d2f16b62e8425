package io.wxhub.apiproxy.forward;

import java.io.ByteArrayOutputStream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A request body read whole, so that it can be sent again after a token rejection, up to
 * a limit. A larger body is read to its end and dropped, so that the caller, still
 * sending, gets to read the 413.
 */
final class BoundedBody {

	private final long limit;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private boolean tooLarge;

	private BoundedBody(long limit) {
		this.limit = limit;
	}

	static Mono<BoundedBody> read(Flux<DataBuffer> body, long limit) {
		return body.reduce(new BoundedBody(limit), BoundedBody::add);
	}

	private BoundedBody add(DataBuffer part) {
		try {
			int length = part.readableByteCount();
			if (!this.tooLarge && this.bytes.size() + (long) length <= this.limit) {
				byte[] copy = new byte[length];
				part.read(copy);
				this.bytes.writeBytes(copy);
			}
			else {
				this.tooLarge = true;
			}
			return this;
		}
		finally {
			DataBufferUtils.release(part);
		}
	}

	boolean tooLarge() {
		return this.tooLarge;
	}

	byte[] bytes() {
		return this.bytes.toByteArray();
	}

}

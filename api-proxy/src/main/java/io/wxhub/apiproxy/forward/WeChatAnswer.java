package io.wxhub.apiproxy.forward;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;

import reactor.core.publisher.Flux;

/** WeChat's answer to one request: read whole (JSON), or streaming (anything else). */
sealed interface WeChatAnswer {

	int status();

	/** The headers the caller gets. */
	HttpHeaders headers();

	/**
	 * A JSON answer of up to {@link WeChatClient#INSPECTED_LIMIT} bytes, read whole so
	 * that its errcode can be checked.
	 *
	 * @param status the HTTP status
	 * @param headers the headers the caller gets
	 * @param body the body
	 */
	record Whole(int status, HttpHeaders headers, byte[] body) implements WeChatAnswer {
	}

	/**
	 * Any other answer (media downloads): its body flows to the caller as WeChat sends
	 * it, no faster than the caller reads.
	 *
	 * @param status the HTTP status
	 * @param headers the headers the caller gets
	 * @param length the announced length, or -1
	 * @param body the body; must be subscribed once, or the connection is held
	 */
	record Streamed(int status, HttpHeaders headers, long length, Flux<DataBuffer> body) implements WeChatAnswer {
	}

}

package io.wxhub.apiproxy.forward;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;

/**
 * The caller's connection as a call sees it: answered once, either whole or as a head
 * followed by body parts. Every method runs on {@link #loop()}.
 */
interface Caller {

	EventLoop loop();

	/** A complete answer; ends the call. */
	void answer(FullHttpResponse response);

	/** The head of a streamed answer; its body follows through {@link #answerPart}. */
	void answerHead(HttpResponse head);

	/** A part of a streamed answer (handed over); the last one ends the call. */
	void answerPart(HttpContent part, boolean last);

	/** Ends the call by closing the connection (trouble after the head was sent). */
	void abort();

	/** False while the caller reads slower than the answer arrives. */
	boolean writable();

	/** Runs once when the caller's connection is writable again. */
	void whenWritable(Runnable action);

}

package io.wxhub.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent event stream read line by line on a thread of its own; close it after the
 * test.
 */
public final class EventStream implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final HttpResponse<Stream<String>> response;

	private EventStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		Thread reader = new Thread(() -> response.body().forEach(this.lines::add), "sse-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * @param port the sandbox's port
	 * @param path the stream's path and query
	 */
	public static EventStream open(int port, String path) throws Exception {
		return new EventStream(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "text/event-stream")
			.build(), BodyHandlers.ofLines()));
	}

	public int status() {
		return this.response.statusCode();
	}

	/** The answer's {@code Content-Type}, empty without one. */
	public String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse("");
	}

	/**
	 * @return the next event's name, waiting up to 10 s
	 */
	public String nextEvent() throws InterruptedException {
		return next("event:");
	}

	/**
	 * @return the next event's data, waiting up to 10 s
	 */
	public String nextData() throws InterruptedException {
		return next("data:");
	}

	// skips blank lines between events
	private String next(String field) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null && line.startsWith(field)) {
				return line.substring(field.length()).strip();
			}
		}
		throw new AssertionError("no " + field + " line on the stream");
	}

	@Override
	public void close() {
		this.response.body().close();
	}

}

package io.wxhub.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the token server's transport in unit tests: answers each path with what
 * the test set, after an optional delay; counts requests per path and keeps their
 * Authorization headers and bodies. Unanswered paths get 404 without a body. The
 * behaviour against the real token server is tested in {@code system-tests}.
 */
final class StubTokenServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Supplier<Reply>> replies = new ConcurrentHashMap<>();

	private final Map<String, Duration> delays = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	StubTokenServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			this.counts.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
			this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			this.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			Duration delay = this.delays.get(path);
			if (delay != null) {
				sleep(delay);
			}
			Supplier<Reply> reply = this.replies.get(path);
			Reply answer = (reply != null) ? reply.get() : new Reply(404, null, "", Map.of());
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			if (answer.contentType() != null) {
				exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			}
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), (body.length > 0) ? body.length : -1);
			if (body.length > 0) {
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers {@code path} with what {@code reply} gives at each request. */
	StubTokenServer answer(String path, Supplier<Reply> reply) {
		this.replies.put(path, reply);
		return this;
	}

	/** Waits this long before answering {@code path}. */
	StubTokenServer delay(String path, Duration delay) {
		this.delays.put(path, delay);
		return this;
	}

	int requests(String path) {
		AtomicInteger count = this.counts.get(path);
		return (count != null) ? count.get() : 0;
	}

	int requests() {
		return this.counts.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	List<String> bodies() {
		return List.copyOf(this.bodies);
	}

	/** A token answer as the token server gives it. */
	static Reply token(String value, Instant expiresAt, long expiresIn) {
		return json("{\"appId\":\"wx1\",\"accessToken\":\"" + value + "\",\"expiresAt\":\"" + expiresAt
				+ "\",\"expiresIn\":" + expiresIn + "}");
	}

	/** A ticket answer as the token server gives it. */
	static Reply ticket(String value, Instant expiresAt, long expiresIn) {
		return json("{\"appId\":\"wx1\",\"ticket\":\"" + value + "\",\"expiresAt\":\"" + expiresAt + "\",\"expiresIn\":"
				+ expiresIn + "}");
	}

	static Reply json(String body) {
		return new Reply(200, "application/json", body, Map.of());
	}

	/** A problem in the token server's shape. */
	static Reply problem(int status, String type, String title, String detail, String extensions,
			Map<String, String> headers) {
		String body = "{\"type\":\"urn:wxhub:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\",\"instance\":\"/v1/apps/wx1/access-token\""
				+ ((extensions != null) ? "," + extensions : "") + "}";
		return new Reply(status, "application/problem+json", body, headers);
	}

	/** A URL on which nothing listens: connections are refused. */
	static String deadUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param contentType its content type, or null
	 * @param body its body, possibly empty
	 * @param headers more headers
	 */
	record Reply(int status, String contentType, String body, Map<String, String> headers) {
	}

}

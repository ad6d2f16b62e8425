package io.wxhub.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny round-robin HTTP balancer on a loopback port, standing in front of service
 * replicas in tests: each request goes to the next backend in turn (method, path, query,
 * end-to-end headers and body passed on; status, Content-Type and body passed back).
 * Backends can be set after it started, so its URL can be configured before the services
 * exist.
 */
public final class RoundRobin implements AutoCloseable {

	/** Headers that belong to one connection (or that the client sets itself). */
	private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
			"keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(32);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> backends = new CopyOnWriteArrayList<>();

	private final List<AtomicInteger> counts = new CopyOnWriteArrayList<>();

	private final AtomicInteger next = new AtomicInteger();

	private RoundRobin(HttpServer server) {
		this.server = server;
	}

	/** Starts a balancer with no backend yet. */
	public static RoundRobin start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
			RoundRobin balancer = new RoundRobin(server);
			server.createContext("/", balancer::handle);
			server.setExecutor(balancer.executor);
			server.start();
			return balancer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Its base URL. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Replaces the backends (base URLs). */
	public synchronized void backends(String... urls) {
		this.backends.clear();
		this.counts.clear();
		for (String url : urls) {
			this.backends.add(url);
			this.counts.add(new AtomicInteger());
		}
	}

	/** Requests sent to each backend so far, in the order given. */
	public List<Integer> requestsPerBackend() {
		return this.counts.stream().map(AtomicInteger::get).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			int index = Math.floorMod(this.next.getAndIncrement(), this.backends.size());
			this.counts.get(index).incrementAndGet();
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(this.backends.get(index) + exchange.getRequestURI()))
				.timeout(Duration.ofSeconds(60))
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!HOP_BY_HOP.contains(name.toLowerCase())) {
					values.forEach((value) -> request.header(name, value));
				}
			});
			HttpResponse<byte[]> response = null;
			// Like a real balancer (nginx's proxy_next_upstream error): a backend that
			// refuses the connection is skipped, and so is one whose connection breaks
			// under an idempotent request (a replica killed mid-read, a pooled connection
			// to a dead one); other requests are not sent twice.
			boolean idempotent = Set.of("GET", "HEAD").contains(exchange.getRequestMethod());
			for (int tried = 0; response == null && tried < this.backends.size(); tried++) {
				try {
					response = this.http.send(
							request.uri(URI.create(this.backends.get(index) + exchange.getRequestURI())).build(),
							HttpResponse.BodyHandlers.ofByteArray());
				}
				catch (IOException ex) {
					if (!(ex instanceof java.net.ConnectException) && !idempotent) {
						break;
					}
					index = (index + 1) % this.backends.size();
					this.counts.get(index).incrementAndGet();
				}
			}
			if (response == null) {
				exchange.sendResponseHeaders(502, -1);
				return;
			}
			response.headers()
				.firstValue("Content-Type")
				.ifPresent((value) -> exchange.getResponseHeaders().add("Content-Type", value));
			byte[] answer = response.body();
			exchange.sendResponseHeaders(response.statusCode(), (answer.length == 0) ? -1 : answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
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

}

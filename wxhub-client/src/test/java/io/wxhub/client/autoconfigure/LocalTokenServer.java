package io.wxhub.client.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token server's transport for the auto-configuration tests: app {@code wx1}'s access
 * token {@code T} and signatures {@code s}, counted. The behaviour against the real token
 * server is tested in {@code system-tests}.
 */
final class LocalTokenServer implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger signatures = new AtomicInteger();

	LocalTokenServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v1/apps/wx1/access-token",
				(exchange) -> reply(exchange, "{\"appId\":\"wx1\",\"accessToken\":\"T\",\"expiresAt\":\""
						+ Instant.now().plusSeconds(7200) + "\",\"expiresIn\":7200}"));
		this.server.createContext("/v1/apps/wx1/jsapi-signature", (exchange) -> {
			this.signatures.incrementAndGet();
			reply(exchange, "{\"appId\":\"wx1\",\"timestamp\":1,\"nonceStr\":\"n\",\"signature\":\"s\"}");
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String[] properties() {
		return new String[] { "wxhub.token-server.urls=" + url(), "wxhub.token-server.client-key=k" };
	}

	int signatures() {
		return this.signatures.get();
	}

	static String deadUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void reply(HttpExchange exchange, String json) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

package io.wxhub.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * The Redis of a local run: {@code REDIS_URL} when set, else an embedded one on a free
 * port.
 */
final class LocalRedis {

	private final String url;

	private final RedisServer embedded;

	private LocalRedis(String url, RedisServer embedded) {
		this.url = url;
		this.embedded = embedded;
	}

	static LocalRedis startUnlessConfigured(String configuredUrl) {
		if (configuredUrl != null && !configuredUrl.isBlank()) {
			return new LocalRedis(configuredUrl, null);
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			int port = socket.getLocalPort();
			socket.close();
			RedisServer server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			return new LocalRedis("redis://127.0.0.1:" + port, server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return this.url;
	}

	String description() {
		return (this.embedded != null) ? "embedded at " + this.url : "REDIS_URL";
	}

	void stop() {
		if (this.embedded != null) {
			try {
				this.embedded.stop();
			}
			catch (IOException ex) {
				// already gone
			}
		}
	}

}

package io.wxhub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A Redis server that a test owns and may stop and start again on the same port, for
 * example to prove that a service rides out a Redis outage. Backed by the Redis binary
 * that ships inside the embedded-redis jar, so it needs neither Docker nor a local
 * install.
 */
public final class OwnedRedis implements AutoCloseable {

	private final int port;

	private RedisServer server;

	private OwnedRedis(int port) {
		this.port = port;
	}

	/** Starts a fresh, non-persistent Redis on a free loopback port. */
	public static OwnedRedis start() {
		OwnedRedis redis = new OwnedRedis(freePort());
		redis.resume();
		return redis;
	}

	/** The {@code redis://} URL of this server. */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/** Stops the server; data is lost, as on a real Redis restart without persistence. */
	public synchronized void stop() {
		if (this.server != null) {
			try {
				this.server.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server = null;
		}
	}

	/** Starts the server again on the same port. */
	public synchronized void resume() {
		if (this.server != null) {
			return;
		}
		try {
			this.server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

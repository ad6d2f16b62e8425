package io.wxhub.system.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service's executable jar running as a real process, its output in
 * {@code target/e2e/}. Public for the other system-test packages.
 */
public final class ServiceProcess {

	static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private ServiceProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/** Starts {@code module}'s jar as {@code name} on a free port. */
	public static ServiceProcess start(String module, String name, Map<String, String> env, List<String> args) {
		return start(module, name, freePort(), env, args);
	}

	/**
	 * Starts {@code module}'s jar as {@code name} on {@code port} (for a service that
	 * must know its own URL, such as a public one).
	 */
	public static ServiceProcess start(String module, String name, int port, Map<String, String> env,
			List<String> args) {
		try {
			Path jar;
			try (var files = Files.list(ROOT.resolve(module).resolve("target"))) {
				jar = files.filter((f) -> f.getFileName().toString().endsWith("-exec.jar")).findFirst().orElseThrow();
			}
			Path log = logOf(name);
			Files.createDirectories(log.getParent());
			List<String> command = new ArrayList<>(
					List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx192m", "-XX:+UseSerialGC",
							"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
			command.addAll(args);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(env);
			return new ServiceProcess(name, port, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	String name() {
		return this.name;
	}

	/** Its output: every line it logged. */
	Path log() {
		return logOf(this.name);
	}

	private static Path logOf(String name) {
		return ROOT.resolve("system-tests/target/e2e/" + name + ".log");
	}

	/**
	 * Waits for {@code /actuator/health/readiness}; fails the test if the process dies or
	 * is slow.
	 */
	public ServiceProcess awaitReady() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " died; see target/e2e/" + this.name + ".log");
			}
			try {
				if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(300);
		}
		throw new IllegalStateException(this.name + " not ready in time; see target/e2e/" + this.name + ".log");
	}

	/** {@code kill -9}: no shutdown hook, no graceful anything. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** {@code kill -TERM}, without waiting: the service shuts down as it sees fit. */
	void terminate() {
		this.process.destroy();
	}

	/** Whether the process ended within {@code timeout}. */
	boolean exitsWithin(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	/** What the process wrote so far. */
	public String output() {
		try {
			return Files.readString(ROOT.resolve("system-tests/target/e2e/" + this.name + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(Duration.ofSeconds(15).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package io.wxhub.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One service run as a child process from its executable jar, its output in
 * {@code logs/NAME.log}.
 */
final class ServiceProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private ServiceProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts {@code DIR/target/NAME-*-exec.jar} with the given environment, where
	 * {@code DIR} is the module's directory ({@code token-server},
	 * {@code samples/internal-app}) and {@code NAME} its last segment. The services keep
	 * little long-lived state and make garbage per request: a large young generation
	 * makes collections rare (under load one every 1–2 s instead of several a second),
	 * which keeps the pauses out of the 99th percentile of latency.
	 */
	static ServiceProcess start(Path root, String module, int port, Map<String, String> env) {
		String name = Path.of(module).getFileName().toString();
		Path jar = findJar(root.resolve(module).resolve("target"), name);
		Path log = root.resolve("logs").resolve(name + ".log");
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx512m", "-Xmn384m",
					"-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port));
			builder.environment().putAll(env);
			builder.redirectErrorStream(true).redirectOutput(log.toFile());
			return new ServiceProcess(name, port, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String name() {
		return this.name;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers 200; false on timeout or
	 * death.
	 */
	boolean awaitReady(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline) && this.process.isAlive()) {
			try {
				if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return true;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		return false;
	}

	/** Stops the process and its descendants: politely first, then by force. */
	void stop() {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static Path findJar(Path target, String name) {
		try (var files = Files.list(target)) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(name + "-")
						&& file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No executable jar in " + target + "; build first"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No " + target + "; build first", ex);
		}
	}

	private static String javaBinary() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}

package io.wxhub.system.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wxhub.testsupport.TestRedis;

/**
 * The whole system as the README's run command starts it: the launcher's jar, on the
 * launcher's fixed ports, with the demo accounts, keys, rules and menu. Its services keep
 * their Redis keys under a test prefix, deleted on close.
 */
public final class LaunchedSystem implements AutoCloseable {

	/** The sandbox (and its console) as the launcher places it. */
	public static final String SANDBOX = "http://127.0.0.1:8090";

	/** The api-proxy as the launcher places it. */
	public static final String API_PROXY = "http://127.0.0.1:8082";

	private final Process launcher;

	private final String prefix;

	private final StringBuilder output = new StringBuilder();

	private LaunchedSystem(Process launcher, String prefix) {
		this.launcher = launcher;
		this.prefix = prefix;
	}

	/**
	 * Starts the launcher and waits until it says everything is up.
	 * @throws IllegalStateException with the launcher's output when it does not come up
	 */
	public static LaunchedSystem start() throws Exception {
		String prefix = TestRedis.newPrefix("launched");
		LaunchedSystem system = new LaunchedSystem(launcher(prefix), prefix);
		CompletableFuture<Boolean> up = CompletableFuture.supplyAsync(system::readUntilUp);
		if (!up.get(300, TimeUnit.SECONDS)) {
			system.close();
			throw new IllegalStateException("the launcher did not come up:\n" + system.output);
		}
		return system;
	}

	/** The project's root, where the README's commands run. */
	public static Path root() {
		return ServiceProcess.ROOT;
	}

	/** What the launcher printed until it was up. */
	public String output() {
		return this.output.toString();
	}

	/**
	 * The launcher's jar as the README's run command starts it, output and errors merged.
	 * Any Redis will do; the launcher only passes it on (unset, it would start an
	 * embedded one). Prefixes set here reach every service, which inherit the launcher's
	 * environment.
	 */
	static Process launcher(String redisPrefix) throws IOException {
		Path jar;
		try (var files = Files.list(ServiceProcess.ROOT.resolve("launcher/target"))) {
			jar = files.filter((f) -> f.getFileName().toString().endsWith("-exec.jar")).findFirst().orElseThrow();
		}
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
				jar.toString(), ServiceProcess.ROOT.toString())
			.redirectErrorStream(true);
		builder.environment().put("REDIS_URL", TestRedis.url());
		if (redisPrefix != null) {
			for (String service : new String[] { "TOKEN_SERVER", "API_PROXY", "MESSAGE_SERVICE", "WEB_AUTH" }) {
				builder.environment().put(service + "_REDIS_PREFIX", redisPrefix);
			}
		}
		return builder.start();
	}

	private boolean readUntilUp() {
		try {
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.launcher.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				this.output.append(line).append('\n');
				if (line.contains("Ctrl-C stops everything")) {
					// keep draining, so that the launcher never blocks on a full pipe
					Thread drain = new Thread(() -> drain(reader), "launcher-output");
					drain.setDaemon(true);
					drain.start();
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void drain(BufferedReader reader) {
		try {
			while (reader.readLine() != null) {
				// what the launcher prints after start-up is not needed
			}
		}
		catch (IOException ex) {
			// the launcher stopped
		}
	}

	/** Stops the launcher as a terminal's Ctrl-C would, and everything it started. */
	@Override
	public void close() throws Exception {
		try {
			new ProcessBuilder("kill", "-INT", Long.toString(this.launcher.pid())).start().waitFor();
			if (!this.launcher.waitFor(60, TimeUnit.SECONDS)) {
				this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
				this.launcher.destroyForcibly();
			}
		}
		finally {
			TestRedis.deleteKeys(this.prefix);
		}
	}

}

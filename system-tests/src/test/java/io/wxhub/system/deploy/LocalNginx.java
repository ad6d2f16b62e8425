package io.wxhub.system.deploy;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The gateway's {@code deploy/nginx.conf} run by the machine's nginx as any user may: the
 * pid file, the access log and the temporary directories in a directory of the test's,
 * port 80 moved to a free port on the loopback, and the services' names (resolved by
 * Docker's DNS in compose) replaced by addresses the test gives. nginx must be installed
 * ({@code ./test} installs it); {@code WXHUB_SKIP_NGINX_CHECK} skips knowingly where it
 * is not.
 */
final class LocalNginx implements AutoCloseable {

	private final Process process;

	private final int port;

	private LocalNginx(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** The nginx binary, or a failure (or a knowing skip) naming how to get one. */
	static Path executable() {
		Optional<Path> nginx = DeploymentFiles.executable("nginx", "/usr/sbin", "/usr/local/sbin",
				"/usr/local/nginx/sbin");
		if (nginx.isEmpty()) {
			if (System.getenv("WXHUB_SKIP_NGINX_CHECK") != null) {
				Assumptions.abort("nginx is not installed; skipped because WXHUB_SKIP_NGINX_CHECK is set");
			}
			fail("deploy/nginx.conf must be checked by nginx but no nginx binary is on PATH: install nginx "
					+ "(apt-get install -y nginx) or set WXHUB_SKIP_NGINX_CHECK=1 to skip this check knowingly");
		}
		return nginx.get();
	}

	/** {@code nginx -t} on the runnable copy: its output, having asserted success. */
	static String check(Path directory) throws IOException, InterruptedException {
		Path nginx = executable();
		Path conf = Files.writeString(directory.resolve("nginx.conf"),
				runnableCopy(directory, nginx, freePort(), Map.of()));
		Process process = new ProcessBuilder(nginx.toString(), "-t", "-c", conf.toString(), "-p",
				directory + File.separator)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("nginx -t finished").isTrue();
		assertThat(process.exitValue()).as("nginx -t:%n%s", output).isZero();
		return output;
	}

	/**
	 * nginx serving the gateway's configuration, until closed.
	 * @param upstreams by the {@code host:port} a {@code set} directive gives (e.g.
	 * {@code web-auth:8085}), the address to use instead
	 */
	static LocalNginx start(Path directory, Map<String, String> upstreams) throws Exception {
		Path nginx = executable();
		int port = freePort();
		Path conf = Files.writeString(directory.resolve("nginx.conf"), runnableCopy(directory, nginx, port, upstreams));
		Process process = new ProcessBuilder(nginx.toString(), "-c", conf.toString(), "-p", directory + File.separator,
				"-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("nginx.out").toFile())
			.start();
		LocalNginx started = new LocalNginx(process, port);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plusSeconds(15);
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("nginx runs: %s", Files.readString(directory.resolve("nginx.out")))
				.isTrue();
			try {
				HttpResponse<Void> healthz = client.send(HttpRequest.newBuilder(URI.create(started.url("/healthz")))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (healthz.statusCode() == 200) {
					return started;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		started.close();
		throw new AssertionError("nginx did not answer /healthz: " + Files.readString(directory.resolve("nginx.out")));
	}

	String url(String pathAndQuery) {
		return "http://127.0.0.1:" + this.port + pathAndQuery;
	}

	@Override
	public void close() throws InterruptedException {
		// SIGTERM: nginx's fast shutdown, workers included
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private static String runnableCopy(Path directory, Path nginx, int port, Map<String, String> upstreams)
			throws IOException, InterruptedException {
		Process version = new ProcessBuilder(nginx.toString(), "-V").redirectErrorStream(true).start();
		String build = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		version.waitFor(30, TimeUnit.SECONDS);
		StringBuilder paths = new StringBuilder();
		for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
			if (!build.contains("--without-http_" + kind + "_module")) {
				paths.append("    ").append(kind).append("_temp_path ").append(directory.resolve(kind)).append(";\n");
			}
		}
		String conf = DeploymentFiles.read("deploy/nginx.conf");
		assertThat(conf).containsPattern("(?m)^pid .*;$")
			.containsPattern("(?m)^http \\{$")
			.containsPattern("(?m)^\\s*listen 80\\b");
		for (Map.Entry<String, String> upstream : upstreams.entrySet()) {
			String set = "(?m)^(\\s*set \\$[a-z_]+ )" + Pattern.quote(upstream.getKey()) + ";$";
			assertThat(conf).as("a set directive names " + upstream.getKey()).containsPattern(set);
			conf = conf.replaceAll(set, "$1" + upstream.getValue() + ";");
		}
		return conf.replaceFirst("(?m)^pid .*;$", "pid " + directory.resolve("nginx.pid") + ";")
			.replaceFirst("(?m)^http \\{$", "http {\n" + paths)
			.replaceAll("(?m)^(\\s*)listen 80\\b", "$1listen 127.0.0.1:" + port)
			.replace("/dev/stdout", directory.resolve("access.log").toString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

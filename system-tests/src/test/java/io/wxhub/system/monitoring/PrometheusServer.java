package io.wxhub.system.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (Debian's package) on a free loopback port, with its data in a
 * temporary directory, scraping with the jobs of the shipped {@code prometheus.yml} and
 * evaluating the shipped alert rules; spoken to through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final String url;

	private final Path log;

	private PrometheusServer(Process process, int port, Path log) {
		this.process = process;
		this.url = "http://127.0.0.1:" + port;
		this.log = log;
	}

	/**
	 * Starts Prometheus with the shipped jobs aimed at services on this machine: each
	 * target {@code host:port} becomes {@code 127.0.0.1:port}. Scrapes and rule
	 * evaluations run every second.
	 */
	static PrometheusServer start(Path directory) throws IOException {
		Map<String, Object> shipped = MonitoringFiles
			.yaml(MonitoringFiles.prometheusDirectory().resolve("prometheus.yml"));
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("global", Map.of("scrape_interval", "1s", "evaluation_interval", "1s"));
		List<String> rules = new ArrayList<>();
		for (Object file : MonitoringFiles.<List<Object>>cast(shipped.get("rule_files"))) {
			rules.add(MonitoringFiles.prometheusDirectory().resolve(String.valueOf(file)).toString());
		}
		config.put("rule_files", rules);
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (Map<String, Object> job : MonitoringFiles.<List<Map<String, Object>>>cast(shipped.get("scrape_configs"))) {
			Map<String, Object> local = new LinkedHashMap<>(job);
			List<String> targets = new ArrayList<>();
			for (Map<String, Object> group : MonitoringFiles
				.<List<Map<String, Object>>>cast(job.get("static_configs"))) {
				for (Object target : MonitoringFiles.<List<Object>>cast(group.get("targets"))) {
					String local127 = "127.0.0.1:" + String.valueOf(target).replaceAll(".*:", "");
					if (!targets.contains(local127)) {
						targets.add(local127);
					}
				}
			}
			local.put("static_configs", List.of(Map.of("targets", targets)));
			jobs.add(local);
		}
		config.put("scrape_configs", jobs);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		Path file = Files.writeString(directory.resolve("prometheus.yml"), new Yaml(options).dump(config));
		int port = freePort();
		Path log = directory.resolve("prometheus.log");
		Process process = new ProcessBuilder(MonitoringFiles.tool("prometheus").toString(), "--config.file=" + file,
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		PrometheusServer server = new PrometheusServer(process, port, log);
		try {
			await().atMost(Duration.ofSeconds(60)).until(server::ready);
		}
		catch (RuntimeException ex) {
			server.close();
			throw new IllegalStateException("Prometheus did not start:\n" + Files.readString(log), ex);
		}
		return server;
	}

	/** The jobs Prometheus scrapes, each target's health ("up" once scraped). */
	JsonNode targets() {
		return api("/api/v1/targets", Map.of()).get("activeTargets");
	}

	/** The rule groups with each rule's health and last evaluation. */
	JsonNode rules() {
		return api("/api/v1/rules", Map.of()).get("groups");
	}

	JsonNode alerts() {
		return api("/api/v1/alerts", Map.of()).get("alerts");
	}

	/** The series a selector matches. */
	JsonNode series(String selector) {
		return api("/api/v1/series", Map.of("match[]", selector));
	}

	/**
	 * The query as Prometheus's own parser reads it, printed back.
	 * @throws AssertionError with Prometheus's parse error
	 */
	String format(String query) {
		return api("/api/v1/format_query", Map.of("query", query)).asString();
	}

	/** What the server logged. */
	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean ready() {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(URI.create(this.url + "/-/ready")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private JsonNode api(String path, Map<String, String> parameters) {
		StringBuilder query = new StringBuilder();
		parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(this.url + path + query)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode body = MonitoringFiles.JSON.readTree(response.body());
			if (!"success".equals(body.path("status").asString())) {
				throw new AssertionError(path + " " + parameters + ": " + body.path("error").asString());
			}
			return body.get("data");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}

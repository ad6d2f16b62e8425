package io.wxhub.system.monitoring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.fail;

/**
 * The files of {@code deploy/monitoring}, and the Prometheus tools (Debian's
 * {@code prometheus} package: {@code promtool} and the server) the tests run on them.
 */
final class MonitoringFiles {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private MonitoringFiles() {
	}

	static Path root() {
		Path here = Path.of("").toAbsolutePath();
		Path root = Files.isDirectory(here.resolve("system-tests")) ? here : here.getParent();
		if (root == null || !Files.isRegularFile(root.resolve("mvnw"))) {
			throw new IllegalStateException("Not run from the repository or its system-tests module: " + here);
		}
		return root;
	}

	static Path monitoring() {
		return root().resolve("deploy/monitoring");
	}

	static Path prometheusDirectory() {
		return monitoring().resolve("prometheus");
	}

	static Map<String, Object> yaml(Path file) {
		try {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every alerting rule of {@code alerts.yml}, each a map of its fields. */
	static List<Map<String, Object>> alertRules() {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Map<String, Object> group : MonitoringFiles
			.<List<Map<String, Object>>>cast(yaml(prometheusDirectory().resolve("alerts.yml")).get("groups"))) {
			rules.addAll(MonitoringFiles.<List<Map<String, Object>>>cast(group.get("rules")));
		}
		return rules;
	}

	/** The dashboards' JSON files, by file name. */
	static Map<String, JsonNode> dashboards() {
		try (Stream<Path> files = Files.list(monitoring().resolve("grafana/dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.sorted()
				.collect(java.util.stream.Collectors.toMap((file) -> file.getFileName().toString(),
						(file) -> JSON.readTree(file.toFile()), (a, b) -> a, java.util.LinkedHashMap::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static <T> T cast(Object value) {
		return (T) value;
	}

	/**
	 * A program of Debian's {@code prometheus} package, or a failure that says how to get
	 * it.
	 */
	static Path tool(String name) {
		Stream<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
		return Stream.concat(onPath, Stream.of("/usr/bin", "/usr/local/bin"))
			.filter((entry) -> !entry.isEmpty())
			.map((entry) -> Path.of(entry, name))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseGet(() -> fail(name + " is not installed: the monitoring tests run Debian's prometheus package "
					+ "(promtool and the server); ./test installs it, or apt-get install -y prometheus"));
	}

	/** Runs a program to its end (at most two minutes), output and errors merged. */
	static Run run(List<String> command, Path directory) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return fail(command + " did not finish: " + output);
			}
			return new Run(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Run(int exitCode, String output) {
	}

}

package io.wxhub.system.deploy;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files at the repository root ({@code docker-compose.yml},
 * {@code .env.example}, {@code deploy/nginx.conf}, {@code Dockerfile}) and the services'
 * own configuration files, read as the tests need them.
 */
final class DeploymentFiles {

	/**
	 * {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}} and their forms
	 * without colon.
	 */
	static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

	private DeploymentFiles() {
	}

	/**
	 * The repository root: the parent of this module's directory, where Maven runs the
	 * tests.
	 */
	static Path root() {
		Path here = Path.of("").toAbsolutePath();
		Path root = Files.isDirectory(here.resolve("system-tests")) ? here : here.getParent();
		if (root == null || !Files.isRegularFile(root.resolve("mvnw"))) {
			throw new IllegalStateException("Not run from the repository or its system-tests module: " + here);
		}
		return root;
	}

	static String read(String relativePath) {
		try {
			return Files.readString(root().resolve(relativePath));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The compose file's {@code services}, YAML anchors and merge keys resolved. */
	static Map<String, Map<String, Object>> services() {
		return cast(yaml("docker-compose.yml").get("services"));
	}

	/**
	 * A service's own configuration file,
	 * {@code <module>/src/main/resources/<module>.yml}.
	 */
	static Map<String, Object> serviceConfig(String module) {
		return yaml(module + "/src/main/resources/" + module + ".yml");
	}

	/**
	 * A service's demo profile, {@code <module>/src/main/resources/<module>-demo.yml}, or
	 * an empty document when it has none.
	 */
	static Map<String, Object> demoConfig(String module) {
		String file = module + "/src/main/resources/" + module + "-demo.yml";
		return Files.isRegularFile(root().resolve(file)) ? yaml(file) : Map.of();
	}

	/** A compose service's environment, whether written as a map or as a list. */
	static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object declared = service.get("environment");
		if (declared instanceof Map<?, ?> map) {
			map.forEach((name, value) -> environment.put(String.valueOf(name), String.valueOf(value)));
		}
		else if (declared instanceof List<?> list) {
			for (Object entry : list) {
				String[] pair = String.valueOf(entry).split("=", 2);
				environment.put(pair[0], (pair.length > 1) ? pair[1] : "");
			}
		}
		return environment;
	}

	/** The variables {@code .env.example} defines, with their values. */
	static Map<String, String> envExample() {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : read(".env.example").split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
				String[] pair = trimmed.split("=", 2);
				variables.put(pair[0].strip(), pair[1].strip());
			}
		}
		return variables;
	}

	/** The {@code ${…}} references in a value, in order. */
	static List<Reference> references(String value) {
		List<Reference> references = new ArrayList<>();
		Matcher matcher = REFERENCE.matcher(value);
		while (matcher.find()) {
			references.add(new Reference(matcher.group(1), matcher.group(2), matcher.group(3)));
		}
		return references;
	}

	/**
	 * An environment with every {@code ${VAR…}} replaced as compose replaces it with
	 * these variables (an env file's): a variable's value, else the default of {@code :-}
	 * and {@code -}, else nothing.
	 */
	static Map<String, String> resolved(Map<String, String> environment, Map<String, String> variables) {
		Map<String, String> resolved = new LinkedHashMap<>();
		environment.forEach((name, value) -> {
			Matcher reference = REFERENCE.matcher(value);
			resolved.put(name, reference.replaceAll((match) -> {
				String given = variables.get(match.group(1));
				String fallback = (match.group(2) != null && match.group(2).endsWith("-")) ? match.group(3) : "";
				return Matcher.quoteReplacement((given != null) ? given : fallback);
			}));
		});
		return resolved;
	}

	/** The value at a dotted path of a YAML document, or {@code null}. */
	static Object at(Map<String, Object> document, String path) {
		Object node = document;
		for (String key : path.split("\\.")) {
			node = (node instanceof Map<?, ?> map) ? map.get(key) : null;
		}
		return node;
	}

	/** A property name in the form relaxed binding reads from the environment. */
	static String envName(String property) {
		return property.replaceAll("[.\\-\\[\\]]+", "_").replaceAll("_$", "").toUpperCase(Locale.ROOT);
	}

	static int serverPort(String module) {
		return ((Number) at(serviceConfig(module), "server.port")).intValue();
	}

	private static Map<String, Object> yaml(String relativePath) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		try (Reader reader = Files.newBufferedReader(root().resolve(relativePath))) {
			return yaml.load(reader);
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
	 * A compose variable reference.
	 *
	 * @param name the variable
	 * @param operator {@code :-}, {@code -}, {@code :?}, {@code ?}, {@code :+}, {@code +}
	 * or {@code null}
	 * @param argument the default or the error message, or {@code null}
	 */
	record Reference(String name, String operator, String argument) {

		boolean hasDefault() {
			return this.operator != null && (this.operator.endsWith("-") || this.operator.endsWith("+"));
		}

	}

	/**
	 * The first executable of that name on {@code PATH}, then in the extra directories
	 * (not every user's PATH has the sbin directories where packages install servers).
	 */
	static Optional<Path> executable(String name, String... extraDirectories) {
		Stream<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
		return Stream.concat(onPath, Stream.of(extraDirectories))
			.filter((entry) -> !entry.isEmpty())
			.map((entry) -> Path.of(entry, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}

package io.wxhub.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kustomize renders from {@code deploy/kubernetes}: the base or an overlay, as the
 * documents {@code kubectl apply -k} would send, with the questions the tests ask of
 * them. Rendered by {@code kustomize build} where it is installed, else by
 * {@code kubectl kustomize}.
 */
final class KubernetesManifests {

	static final String DIRECTORY = "deploy/kubernetes";

	/** The Deployments of the services, named after their modules. */
	static final List<String> SERVICES = List.of("token-server", "api-proxy", "message-service", "web-auth");

	/** The one variable of the JVM rather than of the service. */
	static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

	private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

	private final String name;

	private final List<Map<String, Object>> documents;

	private KubernetesManifests(String name, List<Map<String, Object>> documents) {
		this.name = name;
		this.documents = documents;
	}

	static KubernetesManifests base() {
		return of("base");
	}

	static KubernetesManifests overlay(String overlay) {
		return of("overlays/" + overlay);
	}

	/** The overlays: every directory of {@code overlays} with a kustomization. */
	static List<String> overlays() {
		try (Stream<Path> directories = Files.list(DeploymentFiles.root().resolve(DIRECTORY).resolve("overlays"))) {
			return directories.filter((directory) -> Files.isRegularFile(directory.resolve("kustomization.yaml")))
				.map((directory) -> directory.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base and every overlay, by their path under {@code deploy/kubernetes}. */
	static List<KubernetesManifests> all() {
		List<KubernetesManifests> all = new ArrayList<>();
		all.add(base());
		overlays().forEach((overlay) -> all.add(overlay(overlay)));
		return all;
	}

	private static KubernetesManifests of(String path) {
		return new KubernetesManifests(path, RENDERED.computeIfAbsent(path, KubernetesManifests::render));
	}

	String name() {
		return this.name;
	}

	List<Map<String, Object>> documents() {
		return this.documents;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.documents.stream().filter((document) -> kind.equals(document.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream().filter((document) -> name.equals(at(document, "metadata.name"))).findFirst();
	}

	Map<String, Object> get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " renders no " + kind + " " + name));
	}

	/**
	 * The documents of a generated ConfigMap or Secret, whose name Kustomize suffixes.
	 */
	Optional<Map<String, Object>> generated(String kind, String name) {
		return ofKind(kind).stream()
			.filter((document) -> String.valueOf(at(document, "metadata.name")).matches(name + "(-[a-z0-9]{10})?"))
			.findFirst();
	}

	/** A Deployment's pod spec. */
	Map<String, Object> podSpec(String deployment) {
		return DeploymentFiles.cast(at(get("Deployment", deployment), "spec.template.spec"));
	}

	/** A Deployment's containers. */
	List<Map<String, Object>> containers(String deployment) {
		return DeploymentFiles.cast(podSpec(deployment).get("containers"));
	}

	/** A Deployment's one container. */
	Map<String, Object> container(String deployment) {
		List<Map<String, Object>> containers = containers(deployment);
		assertThat(containers).as(this.name + " " + deployment + " containers").hasSize(1);
		return containers.get(0);
	}

	/**
	 * The variables of a container, their values taken from {@code value}, from this
	 * rendering's ConfigMaps and Secrets, and for Secrets it does not render (created in
	 * the cluster) from those given.
	 */
	Map<String, String> environment(Map<String, Object> container, Map<String, String> secretsElsewhere) {
		Map<String, String> environment = new LinkedHashMap<>();
		List<Map<String, Object>> variables = DeploymentFiles.cast(container.getOrDefault("env", List.of()));
		for (Map<String, Object> variable : variables) {
			String variableName = String.valueOf(variable.get("name"));
			assertThat(environment).as(this.name + ": " + variableName + " set once").doesNotContainKey(variableName);
			environment.put(variableName, value(variable, secretsElsewhere));
		}
		return environment;
	}

	private String value(Map<String, Object> variable, Map<String, String> secretsElsewhere) {
		if (variable.containsKey("value")) {
			return String.valueOf(variable.get("value"));
		}
		Map<String, Object> configMapRef = DeploymentFiles.cast(at(variable, "valueFrom.configMapKeyRef"));
		if (configMapRef != null) {
			Map<String, Object> configMap = get("ConfigMap", String.valueOf(configMapRef.get("name")));
			Object value = at(configMap, "data." + configMapRef.get("key"));
			assertThat(value).as(this.name + ": " + variable.get("name") + " from " + configMapRef).isNotNull();
			return String.valueOf(value);
		}
		Map<String, Object> secretRef = DeploymentFiles.cast(at(variable, "valueFrom.secretKeyRef"));
		assertThat(secretRef).as(this.name + ": " + variable.get("name") + " has a value or a reference").isNotNull();
		String key = String.valueOf(secretRef.get("key"));
		Optional<Map<String, Object>> secret = find("Secret", String.valueOf(secretRef.get("name")));
		String value = secret.isPresent() ? secretData(secret.get()).get(key) : secretsElsewhere.get(key);
		assertThat(value).as(this.name + ": " + variable.get("name") + " from " + secretRef).isNotNull();
		return value;
	}

	/** A Secret's values, decoded. */
	static Map<String, String> secretData(Map<String, Object> secret) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, Object> data = DeploymentFiles.cast(secret.getOrDefault("data", Map.of()));
		data.forEach((key, value) -> values.put(key,
				new String(Base64.getMimeDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8)));
		Map<String, Object> stringData = DeploymentFiles.cast(secret.getOrDefault("stringData", Map.of()));
		stringData.forEach((key, value) -> values.put(key, String.valueOf(value)));
		return values;
	}

	/** The value at a dotted path, or {@code null}. */
	static Object at(Map<String, Object> document, String path) {
		return DeploymentFiles.at(document, path);
	}

	private static List<Map<String, Object>> render(String path) {
		Path directory = DeploymentFiles.root().resolve(DIRECTORY).resolve(path);
		List<String> command = DeploymentFiles.executable("kustomize")
			.map((kustomize) -> List.of(kustomize.toString(), "build", directory.toString()))
			.or(() -> DeploymentFiles.executable("kubectl")
				.map((kubectl) -> List.of(kubectl.toString(), "kustomize", directory.toString())))
			.orElseThrow(() -> new AssertionError("Neither kustomize nor kubectl is installed: the Kubernetes "
					+ "manifests cannot be rendered. ./test installs kubectl (Debian's kubernetes-client); "
					+ "or apt-get install kubernetes-client"));
		try {
			Path output = Files.createTempFile("kustomize", ".yaml");
			Path errors = Files.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
					.redirectError(errors.toFile())
					.start();
				assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finishes").isTrue();
				assertThat(process.exitValue()).as(String.join(" ", command) + ": " + Files.readString(errors))
					.isZero();
				List<Map<String, Object>> documents = new ArrayList<>();
				for (Object document : new Yaml(new SafeConstructor(new LoaderOptions()))
					.loadAll(Files.readString(output))) {
					if (document != null) {
						documents.add(DeploymentFiles.cast(document));
					}
				}
				assertThat(documents).as(path + " renders documents").isNotEmpty();
				return List.copyOf(documents);
			}
			finally {
				Files.deleteIfExists(output);
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}

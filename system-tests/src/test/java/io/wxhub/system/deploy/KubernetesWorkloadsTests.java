package io.wxhub.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.boot.convert.DurationStyle;

import static io.wxhub.system.deploy.KubernetesManifests.SERVICES;
import static io.wxhub.system.deploy.KubernetesManifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' Deployments as every rendering gives them: probes where each service's
 * actuator configuration serves them, graceful termination longer than Spring's shutdown
 * phase, resources, a non-root read-only container, replicas, disruption budgets and
 * autoscalers.
 */
class KubernetesWorkloadsTests {

	/**
	 * What a service's JVM needed beside its heap under load (resident set less committed
	 * heap, {@code bench/footprint.sh}: at most 196 MiB), with some room.
	 */
	private static final long BESIDE_THE_HEAP = 224L << 20;

	private static final Map<String, Long> MAX_HEAPS = new ConcurrentHashMap<>();

	@Test
	void probesAskTheActuatorGroupsWhereEachServiceServesThem() {
		KubernetesManifests.all().forEach((manifests) -> SERVICES.forEach((service) -> {
			Map<String, Object> config = DeploymentFiles.serviceConfig(service);
			Map<String, Object> container = manifests.container(service);
			String label = manifests.name() + " " + service;
			assertThat(at(config, "management.endpoint.health.probes.enabled")).as(label + ": probe groups on")
				.isEqualTo(true);
			assertThat(String.valueOf(at(config, "management.endpoints.web.exposure.include")).split(","))
				.as(label + ": health exposed")
				.contains("health");
			String health = Objects.toString(at(config, "management.endpoints.web.base-path"), "/actuator") + "/"
					+ Objects.toString(at(config, "management.endpoints.web.path-mapping.health"), "health");
			int port = ((Number) Objects.requireNonNullElse(at(config, "management.server.port"),
					at(config, "server.port")))
				.intValue();
			assertProbe(label + " startup", container, "startupProbe", health + "/liveness", port);
			assertProbe(label + " liveness", container, "livenessProbe", health + "/liveness", port);
			assertProbe(label + " readiness", container, "readinessProbe", health + "/readiness", port);
		}));
	}

	@Test
	void podsOutliveSpringsShutdownPhaseAfterTheirPreStopPause() {
		KubernetesManifests.all().forEach((manifests) -> SERVICES.forEach((service) -> {
			String label = manifests.name() + " " + service;
			Map<String, Object> config = DeploymentFiles.serviceConfig(service);
			assertThat(at(config, "server.shutdown")).as(label + ": graceful shutdown").isEqualTo("graceful");
			Duration phase = DurationStyle
				.detectAndParse(Objects.toString(at(config, "spring.lifecycle.timeout-per-shutdown-phase"), "30s"));
			List<String> preStop = DeploymentFiles
				.cast(at(manifests.container(service), "lifecycle.preStop.exec.command"));
			assertThat(preStop).as(label + ": a preStop pause").hasSize(2).first().isEqualTo("sleep");
			long pause = Long.parseLong(preStop.get(1));
			assertThat(pause).as(label + ": the pause lets the endpoints drop the pod first").isBetween(3L, 20L);
			Number grace = (Number) manifests.podSpec(service).get("terminationGracePeriodSeconds");
			assertThat(grace).as(label + ": terminationGracePeriodSeconds").isNotNull();
			assertThat(grace.longValue()).as(label + ": grace above the pause plus Spring's shutdown phase")
				.isGreaterThan(pause + phase.toSeconds());
		}));
	}

	@Test
	void everyContainerHasResourcesAndRunsAsTheImagesUserOnAReadOnlyRootFilesystem() {
		Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(DeploymentFiles.read("Dockerfile"));
		assertThat(user.find()).as("the Dockerfile's USER").isTrue();
		KubernetesManifests.all().forEach((manifests) -> manifests.ofKind("Deployment").forEach((deployment) -> {
			String name = String.valueOf(at(deployment, "metadata.name"));
			Map<String, Object> pod = manifests.podSpec(name);
			String label = manifests.name() + " " + name;
			assertThat(at(pod, "securityContext.runAsNonRoot")).as(label + " runAsNonRoot").isEqualTo(true);
			assertThat((Number) at(pod, "securityContext.runAsUser")).as(label + " runAsUser")
				.isNotNull()
				.isNotEqualTo(0);
			assertThat(at(pod, "securityContext.seccompProfile.type")).as(label).isEqualTo("RuntimeDefault");
			assertThat(pod.get("automountServiceAccountToken")).as(label + ": no API token").isEqualTo(false);
			if (SERVICES.contains(name)) {
				assertThat(at(pod, "securityContext.runAsUser")).as(label + ": the Dockerfile's user")
					.isEqualTo(Integer.valueOf(user.group(1)));
				assertThat(at(pod, "securityContext.runAsGroup")).isEqualTo(Integer.valueOf(user.group(2)));
				// the Services' variables (API_PROXY_PORT=tcp://…) would bind as
				// properties
				assertThat(pod.get("enableServiceLinks")).as(label + " enableServiceLinks").isEqualTo(false);
				// the JVM's perf data and Tomcat's work directory
				assertThat(temporaryDirectory(pod, manifests.container(name))).as(label + ": /tmp is an emptyDir")
					.isTrue();
			}
			manifests.containers(name).forEach((container) -> {
				String containerLabel = label + " container " + container.get("name");
				for (String resource : List.of("cpu", "memory")) {
					assertThat(at(container, "resources.requests." + resource)).as(containerLabel + " request")
						.isNotNull();
					assertThat(at(container, "resources.limits." + resource)).as(containerLabel + " limit").isNotNull();
				}
				// a JVM's heap is sized from its limit: the memory it asks for is all it
				// may use
				assertThat(at(container, "resources.requests.memory")).as(containerLabel + " memory")
					.isEqualTo(at(container, "resources.limits.memory"));
				assertThat(at(container, "securityContext.readOnlyRootFilesystem")).as(containerLabel).isEqualTo(true);
				assertThat(at(container, "securityContext.allowPrivilegeEscalation")).as(containerLabel)
					.isEqualTo(false);
				assertThat(DeploymentFiles.<List<String>>cast(at(container, "securityContext.capabilities.drop")))
					.as(containerLabel)
					.containsExactly("ALL");
			});
		}));
	}

	@Test
	void replicasDisruptionBudgetsAndAutoscalers() {
		Map<String, Integer> replicas = Map.of("token-server", 2, "api-proxy", 2, "message-service", 2, "web-auth", 2);
		List<String> autoscaled = List.of("api-proxy", "message-service");
		KubernetesManifests.all().forEach((manifests) -> SERVICES.forEach((service) -> {
			String label = manifests.name() + " " + service;
			Map<String, Object> deployment = manifests.get("Deployment", service);
			assertThat(at(deployment, "spec.replicas")).as(label + " replicas").isEqualTo(replicas.get(service));
			Map<String, Object> podLabels = DeploymentFiles.cast(at(deployment, "spec.template.metadata.labels"));
			assertThat(podLabels).as(label + ": the selector selects the pods")
				.containsAllEntriesOf(DeploymentFiles.cast(at(deployment, "spec.selector.matchLabels")));
			// a drain takes one replica at a time, never both
			Map<String, Object> budget = manifests.get("PodDisruptionBudget", service);
			assertThat(podLabels).as(label + ": the budget selects the pods")
				.containsAllEntriesOf(DeploymentFiles.cast(at(budget, "spec.selector.matchLabels")));
			assertThat(at(budget, "spec.maxUnavailable")).as(label + " maxUnavailable").isEqualTo(1);
			if (autoscaled.contains(service)) {
				Map<String, Object> autoscaler = manifests.get("HorizontalPodAutoscaler", service);
				assertThat(DeploymentFiles.<Map<String, Object>>cast(at(autoscaler, "spec.scaleTargetRef")))
					.as(label + " autoscaler target")
					.containsEntry("kind", "Deployment")
					.containsEntry("name", service);
				assertThat((Integer) at(autoscaler, "spec.minReplicas")).as(label).isEqualTo(replicas.get(service));
				assertThat((Integer) at(autoscaler, "spec.maxReplicas")).as(label).isGreaterThan(replicas.get(service));
				List<Map<String, Object>> metrics = DeploymentFiles.cast(at(autoscaler, "spec.metrics"));
				assertThat(metrics).as(label + ": on CPU, which every container requests")
					.anySatisfy((metric) -> assertThat(at(metric, "resource.name")).isEqualTo("cpu"));
			}
			else {
				assertThat(manifests.find("HorizontalPodAutoscaler", service)).as(label).isEmpty();
			}
		}));
	}

	@Test
	void theHeapLeavesTheJvmWhatItMeasurablyNeedsBesideItWithinTheMemoryLimit() throws Exception {
		// the image's command line, which must leave the heap's share to
		// JAVA_TOOL_OPTIONS
		Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(DeploymentFiles.read("Dockerfile"));
		assertThat(entrypoint.find()).as("the Dockerfile's ENTRYPOINT").isTrue();
		List<String> command = DeploymentFiles
			.cast(new Yaml(new SafeConstructor(new LoaderOptions())).load(entrypoint.group(1)));
		List<String> jvmFlags = command.subList(1, command.size() - 1);
		KubernetesManifests.all().forEach((manifests) -> SERVICES.forEach((service) -> {
			Map<String, Object> container = manifests.container(service);
			String label = manifests.name() + " " + service;
			List<Map<String, Object>> variables = DeploymentFiles.cast(container.get("env"));
			String options = variables.stream()
				.filter((variable) -> KubernetesManifests.JVM_OPTIONS.equals(variable.get("name")))
				.map((variable) -> String.valueOf(variable.get("value")))
				.findFirst()
				.orElse("");
			assertThat(options).as(label + " " + KubernetesManifests.JVM_OPTIONS).contains("-XX:MaxRAMPercentage=");
			long limit = bytes(String.valueOf(at(container, "resources.limits.memory")));
			long heap = maxHeap(jvmFlags, options, limit);
			assertThat(limit - heap).as(label + ": what the heap leaves of the memory limit (bytes)")
				.isGreaterThanOrEqualTo(BESIDE_THE_HEAP);
		}));
	}

	/** The heap this JVM sizes for a container with this memory limit. */
	private static long maxHeap(List<String> jvmFlags, String options, long limit) {
		return MAX_HEAPS.computeIfAbsent(jvmFlags + options + limit, (key) -> {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(jvmFlags);
			command.addAll(List.of("-XX:MaxRAM=" + limit, "-XX:+PrintFlagsFinal", "-version"));
			try {
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
				builder.environment().put(KubernetesManifests.JVM_OPTIONS, options);
				Process process = builder.start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(process.waitFor()).as(output).isZero();
				Matcher heap = Pattern.compile("\\bMaxHeapSize\\s+=\\s+(\\d+)").matcher(output);
				assertThat(heap.find()).as(output).isTrue();
				return Long.parseLong(heap.group(1));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

	/** A memory quantity of Kubernetes in bytes: plain, or with Ki, Mi, Gi, k, M, G. */
	private static long bytes(String quantity) {
		Matcher matcher = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|M|G)?").matcher(quantity);
		assertThat(matcher.matches()).as("memory quantity " + quantity).isTrue();
		long number = Long.parseLong(matcher.group(1));
		return switch (Objects.toString(matcher.group(2), "")) {
			case "Ki" -> number << 10;
			case "Mi" -> number << 20;
			case "Gi" -> number << 30;
			case "k" -> number * 1000;
			case "M" -> number * 1000_000;
			case "G" -> number * 1000_000_000;
			default -> number;
		};
	}

	private static void assertProbe(String label, Map<String, Object> container, String probe, String path, int port) {
		Map<String, Object> httpGet = DeploymentFiles.cast(at(container, probe + ".httpGet"));
		assertThat(httpGet).as(label + " probe over HTTP").isNotNull();
		assertThat(httpGet.get("path")).as(label + " path").isEqualTo(path);
		assertThat(containerPort(container, httpGet.get("port"))).as(label + " port").isEqualTo(port);
	}

	/** A probe's port, a number or the name of one of the container's ports. */
	private static int containerPort(Map<String, Object> container, Object port) {
		if (port instanceof Number number) {
			return number.intValue();
		}
		List<Map<String, Object>> ports = DeploymentFiles.cast(container.get("ports"));
		return ports.stream()
			.filter((declared) -> port.equals(declared.get("name")))
			.map((declared) -> ((Number) declared.get("containerPort")).intValue())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container port named " + port));
	}

	private static boolean temporaryDirectory(Map<String, Object> pod, Map<String, Object> container) {
		List<Map<String, Object>> mounts = DeploymentFiles.cast(container.getOrDefault("volumeMounts", List.of()));
		List<Map<String, Object>> volumes = DeploymentFiles.cast(pod.getOrDefault("volumes", List.of()));
		return mounts.stream()
			.filter((mount) -> "/tmp".equals(mount.get("mountPath")))
			.anyMatch((mount) -> volumes.stream()
				.anyMatch((volume) -> mount.get("name").equals(volume.get("name")) && volume.containsKey("emptyDir")));
	}

}

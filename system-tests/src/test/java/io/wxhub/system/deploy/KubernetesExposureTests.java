package io.wxhub.system.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static io.wxhub.system.deploy.KubernetesManifests.SERVICES;
import static io.wxhub.system.deploy.KubernetesManifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the manifests expose and what they carry: an Ingress with WeChat's callback path
 * and the broker's only, secrets referenced and never committed (but for the try-out's
 * obviously fake ones), and compose's images with a tag each overlay sets.
 */
class KubernetesExposureTests {

	@Test
	void theIngressServesOnlyTheCallbackPathAndTheBroker() {
		Map<String, String> expected = Map.of("/wx/", "message-service", "/oauth2/", "web-auth");
		KubernetesManifests.all().forEach((manifests) -> {
			List<Map<String, Object>> ingresses = manifests.ofKind("Ingress");
			assertThat(ingresses).as(manifests.name() + ": one Ingress").hasSize(1);
			Map<String, Object> ingress = ingresses.get(0);
			assertThat(at(ingress, "spec.defaultBackend")).as(manifests.name() + ": no default backend").isNull();
			List<Map<String, Object>> rules = DeploymentFiles.cast(at(ingress, "spec.rules"));
			assertThat(rules).as(manifests.name() + ": one host").hasSize(1);
			Map<String, String> routes = new LinkedHashMap<>();
			List<Map<String, Object>> paths = DeploymentFiles.cast(at(rules.get(0), "http.paths"));
			paths.forEach((path) -> {
				String service = String.valueOf(at(path, "backend.service.name"));
				routes.put(String.valueOf(path.get("path")), service);
				assertThat(path.get("pathType")).as(manifests.name() + " " + path.get("path")).isEqualTo("Prefix");
				assertThat(servicePort(manifests, service, at(path, "backend.service.port.name")))
					.as(manifests.name() + ": " + path.get("path") + " reaches " + service + "'s server port")
					.isEqualTo(DeploymentFiles.serverPort(service));
			});
			assertThat(routes).as(manifests.name() + " routes").isEqualTo(expected);
		});
		// WeChat calls port 80 or 443 of a domain: production serves its host over TLS
		Map<String, Object> production = KubernetesManifests.overlay("production").ofKind("Ingress").get(0);
		List<Map<String, Object>> productionRules = DeploymentFiles.cast(at(production, "spec.rules"));
		String host = String.valueOf(productionRules.get(0).get("host"));
		assertThat(host).as("production host").matches("[a-z0-9.-]+\\.[a-z]+");
		List<Map<String, Object>> tls = DeploymentFiles.cast(at(production, "spec.tls"));
		assertThat(tls).singleElement().satisfies((entry) -> {
			assertThat(DeploymentFiles.<List<String>>cast(entry.get("hosts"))).containsExactly(host);
			assertThat(entry.get("secretName")).isNotNull();
		});
	}

	@Test
	void secretsAreReferencedAndOnlyTheTryOutGeneratesOneWithFakeValues() {
		KubernetesManifests.all().forEach((manifests) -> {
			if (!manifests.name().equals("overlays/try-out")) {
				assertThat(manifests.ofKind("Secret")).as(manifests.name() + ": no Secret committed").isEmpty();
			}
			// whatever is a secret comes from the Secret, never from the manifest itself
			SERVICES.forEach((service) -> {
				List<Map<String, Object>> variables = DeploymentFiles
					.cast(manifests.container(service).getOrDefault("env", List.of()));
				variables.stream()
					.filter((variable) -> String.valueOf(variable.get("name")).matches(".*(SECRET|_KEY|_TOKEN|_URL)"))
					.filter((variable) -> !variable.containsKey("valueFrom") && !isInternalUrl(variable.get("value")))
					.forEach((variable) -> assertThat(variable)
						.as(manifests.name() + " " + service + ": a secret written into the manifest")
						.isNull());
				assertThat(manifests.container(service)).as(manifests.name() + " " + service)
					.doesNotContainKey("envFrom");
			});
		});
		KubernetesManifests tryOut = KubernetesManifests.overlay("try-out");
		List<Map<String, Object>> secrets = tryOut.ofKind("Secret");
		assertThat(secrets).as("the try-out's generated Secret").hasSize(1);
		KubernetesManifests.secretData(secrets.get(0))
			.forEach((key,
					value) -> assertThat(value.toLowerCase(Locale.ROOT).contains("fake")
							|| value.equals("redis://redis:6379") && tryOut.find("Service", "redis").isPresent())
						.as("try-out secret " + key + " is obviously fake (or the try-out's own Redis)")
						.isTrue());
	}

	@Test
	void theImagesAreComposesWithATagSetByEachOverlay() {
		ComposeServices compose = new ComposeServices();
		Map<String, String> images = new LinkedHashMap<>();
		compose.javaServices()
			.forEach((name, module) -> images.put(module, String.valueOf(compose.get(name).get("image"))));
		KubernetesManifests base = KubernetesManifests.base();
		SERVICES.forEach((service) -> assertThat(base.container(service).get("image"))
			.as("base " + service + ": compose's image, untagged")
			.isEqualTo(images.get(service)));
		KubernetesManifests.overlays().forEach((overlay) -> {
			Map<String, Object> kustomization = new Yaml(new SafeConstructor(new LoaderOptions())).load(DeploymentFiles
				.read(KubernetesManifests.DIRECTORY + "/overlays/" + overlay + "/kustomization.yaml"));
			List<Map<String, Object>> declared = DeploymentFiles.cast(kustomization.get("images"));
			assertThat(declared).as(overlay + " sets the images").isNotNull();
			SERVICES.forEach((service) -> {
				Map<String, Object> image = declared.stream()
					.filter((entry) -> images.get(service).equals(entry.get("name")))
					.findFirst()
					.orElseThrow(() -> new AssertionError(overlay + " sets no tag for " + images.get(service)));
				String tag = String.valueOf(image.get("newTag"));
				assertThat(tag).as(overlay + " " + service + " tag").isNotBlank().isNotEqualTo("latest");
				String name = String.valueOf(image.getOrDefault("newName", images.get(service)));
				assertThat(name).as(overlay + ": compose's image, in a registry or not")
					.matches("([^/]+\\.[^/]+(:\\d+)?/)?" + images.get(service));
				assertThat(KubernetesManifests.overlay(overlay).container(service).get("image"))
					.as(overlay + " " + service)
					.isEqualTo(name + ":" + tag);
			});
		});
	}

	/** A URL of a Service in the cluster, which is no secret. */
	private static boolean isInternalUrl(Object value) {
		return String.valueOf(value).matches("http://[a-z-]+:\\d+");
	}

	private static int servicePort(KubernetesManifests manifests, String service, Object portName) {
		List<Map<String, Object>> ports = DeploymentFiles.cast(at(manifests.get("Service", service), "spec.ports"));
		Map<String, Object> port = ports.stream()
			.filter((candidate) -> portName.equals(candidate.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(service + " has no port " + portName));
		Object target = port.get("targetPort");
		List<Map<String, Object>> containerPorts = DeploymentFiles.cast(manifests.container(service).get("ports"));
		int containerPort = containerPorts.stream()
			.filter((candidate) -> target.equals(candidate.get("name"))
					|| target.equals(candidate.get("containerPort")))
			.map((candidate) -> ((Number) candidate.get("containerPort")).intValue())
			.findFirst()
			.orElseThrow(() -> new AssertionError(service + "'s target port " + target + " is no container port"));
		assertThat(port.get("port")).as(service + ": the Service's port is the container's").isEqualTo(containerPort);
		return containerPort;
	}

}

package io.wxhub.system.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.wxhub.system.deploy.ServiceEnvironmentBinding.DiscoveryInstances;
import io.wxhub.webauth.system.WebAuthProperties;
import org.junit.jupiter.api.Test;

import static io.wxhub.system.deploy.KubernetesManifests.SERVICES;
import static io.wxhub.system.deploy.KubernetesManifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment each Deployment gives its service, bound as Spring binds it (as for
 * compose): on the service's shipped configuration alone, every properties record is
 * valid and every variable is read. Values come from the rendered ConfigMap and Secret;
 * where a rendering has no Secret (it is created in the cluster), from the try-out's fake
 * one, which must hold every key the Deployments read.
 */
class KubernetesEnvironmentTests {

	private static final String SECRET = "wxhub-secrets";

	@Test
	void everyDeploymentsEnvironmentGivesItsServiceAValidConfigurationAndEveryVariableIsRead() {
		Map<String, String> fakeSecrets = tryOutSecrets();
		KubernetesManifests.overlays()
			.stream()
			.map(KubernetesManifests::overlay)
			.forEach((manifests) -> SERVICES.forEach((service) -> ServiceEnvironmentBinding
				.assertValidAndEveryVariableRead(manifests.name() + " " + service, service,
						springEnvironment(manifests, service, fakeSecrets))));
	}

	@Test
	void theTryOutsSecretHoldsEveryKeyTheDeploymentsReadAndNoOther() {
		Set<String> referenced = new TreeSet<>();
		KubernetesManifests.all()
			.forEach((manifests) -> SERVICES
				.forEach((service) -> variables(manifests.container(service)).forEach((variable) -> {
					Object name = at(variable, "valueFrom.secretKeyRef.name");
					if (name != null) {
						assertThat(name).as(manifests.name() + " " + service + " " + variable.get("name"))
							.isIn(SECRET,
									KubernetesManifests.overlay("try-out")
										.generated("Secret", SECRET)
										.map((secret) -> at(secret, "metadata.name"))
										.orElseThrow());
						referenced.add(String.valueOf(at(variable, "valueFrom.secretKeyRef.key")));
					}
				})));
		assertThat(tryOutSecrets().keySet()).containsExactlyInAnyOrderElementsOf(referenced);
	}

	@Test
	void callersReachTheirCalleesThroughTheirServices() {
		KubernetesManifests.overlays().stream().map(KubernetesManifests::overlay).forEach((manifests) -> {
			Map<String, String> fakeSecrets = tryOutSecrets();
			String tokenServer = serviceUrl(manifests, "token-server");
			String apiProxy = serviceUrl(manifests, "api-proxy");
			ServiceEnvironmentBinding.withBound("api-proxy", springEnvironment(manifests, "api-proxy", fakeSecrets),
					(bound) -> assertThat(
							((DiscoveryInstances) bound.get(DiscoveryInstances.PREFIX)).instances().get("token-server"))
						.as(manifests.name())
						.extracting((instance) -> instance.uri().toString())
						.containsExactly(tokenServer));
			ServiceEnvironmentBinding.withBound("message-service",
					springEnvironment(manifests, "message-service", fakeSecrets),
					(bound) -> assertThat(
							((DiscoveryInstances) bound.get(DiscoveryInstances.PREFIX)).instances().get("api-proxy"))
						.as(manifests.name())
						.extracting((instance) -> instance.uri().toString())
						.containsExactly(apiProxy));
			ServiceEnvironmentBinding.withBound("web-auth", springEnvironment(manifests, "web-auth", fakeSecrets),
					(bound) -> {
						WebAuthProperties broker = (WebAuthProperties) bound.get("web-auth");
						assertThat(broker.tokenServer().url()).as(manifests.name()).hasToString(tokenServer);
						assertThat(broker.apiProxy().url()).as(manifests.name()).hasToString(apiProxy);
					});
		});
	}

	@Test
	void clientKeysGivenToCallersAreKeysTheCalleesKnow() {
		KubernetesManifests manifests = KubernetesManifests.base();
		Map<String, String> tokenServer = secretKeys(manifests, "token-server");
		Map<String, String> apiProxy = secretKeys(manifests, "api-proxy");
		// the api-proxy and the broker at the token-server, the message-service at the
		// api-proxy: each caller's key is the callee's client of that name
		Map<String, String> tokenServerClients = clients(manifests, "token-server", "TOKEN_SERVER_CLIENTS");
		assertThat(tokenServerClients).containsEntry("api-proxy", apiProxy.get("API_PROXY_TOKEN_SERVER_CLIENT_KEY"))
			.containsEntry("web-auth", secretKeys(manifests, "web-auth").get("WEB_AUTH_TOKEN_SERVER_CLIENT_KEY"));
		assertThat(clients(manifests, "api-proxy", "API_PROXY_CLIENTS")).containsEntry("message-service",
				secretKeys(manifests, "message-service").get("MESSAGE_SERVICE_API_PROXY_CLIENT_KEY"));
		// every client its own key
		assertThat(tokenServerClients.values()).doesNotHaveDuplicates();
		assertThat(tokenServer).containsEntry("TOKEN_SERVER_APPS_0_SECRET", "app-secret");
		// the AppSecret goes to the token-server only
		SERVICES.stream()
			.filter((service) -> !service.equals("token-server"))
			.forEach((service) -> assertThat(secretKeys(manifests, service)).as(service)
				.doesNotContainValue("app-secret"));
	}

	/**
	 * A service's variables but the JVM's own ({@code JAVA_TOOL_OPTIONS}, checked with
	 * the memory limit in {@link KubernetesWorkloadsTests}).
	 */
	private static Map<String, String> springEnvironment(KubernetesManifests manifests, String service,
			Map<String, String> fakeSecrets) {
		Map<String, String> environment = manifests.environment(manifests.container(service), fakeSecrets);
		assertThat(environment.remove(KubernetesManifests.JVM_OPTIONS)).as(manifests.name() + " " + service)
			.isNotNull();
		return environment;
	}

	/** The fake values of the try-out's generated Secret. */
	private static Map<String, String> tryOutSecrets() {
		return KubernetesManifests.secretData(KubernetesManifests.overlay("try-out")
			.generated("Secret", SECRET)
			.orElseThrow(() -> new AssertionError("the try-out generates no Secret " + SECRET)));
	}

	private static String serviceUrl(KubernetesManifests manifests, String service) {
		List<Map<String, Object>> ports = DeploymentFiles.cast(at(manifests.get("Service", service), "spec.ports"));
		assertThat(ports).as(manifests.name() + " Service " + service).hasSize(1);
		return "http://" + service + ":" + ports.get(0).get("port");
	}

	private static List<Map<String, Object>> variables(Map<String, Object> container) {
		return DeploymentFiles.cast(container.getOrDefault("env", List.of()));
	}

	/** The variables of a service that come from the Secret, with their keys. */
	private static Map<String, String> secretKeys(KubernetesManifests manifests, String service) {
		Map<String, String> keys = new LinkedHashMap<>();
		variables(manifests.container(service)).forEach((variable) -> {
			Object key = at(variable, "valueFrom.secretKeyRef.key");
			if (key != null) {
				keys.put(String.valueOf(variable.get("name")), String.valueOf(key));
			}
		});
		return keys;
	}

	/** A service's clients ({@code <list>_<i>_ID}), with the Secret key of their key. */
	private static Map<String, String> clients(KubernetesManifests manifests, String service, String list) {
		Map<String, String> values = new LinkedHashMap<>();
		variables(manifests.container(service)).forEach((variable) -> {
			if (variable.containsKey("value")) {
				values.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
			}
		});
		Map<String, String> keys = secretKeys(manifests, service);
		Map<String, String> clients = new LinkedHashMap<>();
		for (int index = 0; values.containsKey(list + "_" + index + "_ID"); index++) {
			clients.put(values.get(list + "_" + index + "_ID"), keys.get(list + "_" + index + "_KEY"));
		}
		assertThat(clients).as(service + " clients").isNotEmpty().doesNotContainValue(null);
		return clients;
	}

}

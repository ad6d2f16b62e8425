package io.wxhub.system.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every document Kustomize renders from {@code deploy/kubernetes}, the base and each
 * overlay, read strictly into the Kubernetes API's model (fabric8's, of Kubernetes 1.3x):
 * a kind the API knows at that {@code apiVersion}, no field the API does not have at any
 * depth, no value of the wrong type, nothing lost on the way back.
 */
class KubernetesSchemaTests {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.build();

	/**
	 * API versions of the kinds the manifests may use that fabric8's model still has but
	 * Kubernetes no longer serves (removed by 1.26, the deprecation guide).
	 */
	private static final Set<String> REMOVED = Set.of("extensions/v1beta1", "apps/v1beta1", "apps/v1beta2",
			"policy/v1beta1", "autoscaling/v2beta1", "autoscaling/v2beta2", "networking.k8s.io/v1beta1",
			"batch/v1beta1");

	@Test
	void theBaseAndEveryOverlayRender() {
		assertThat(KubernetesManifests.overlays()).contains("production", "try-out");
		KubernetesManifests.all()
			.forEach((manifests) -> assertThat(manifests.documents()).as(manifests.name()).isNotEmpty());
	}

	@Test
	void everyRenderedDocumentIsAResourceOfTheKubernetesApi() {
		KubernetesManifests.all().forEach((manifests) -> manifests.documents().forEach((document) -> {
			String label = manifests.name() + ": " + document.get("kind") + " "
					+ KubernetesManifests.at(document, "metadata.name");
			HasMetadata resource = strictlyRead(label, document);
			assertThat(resource.getApiVersion()).as(label).isEqualTo(document.get("apiVersion"));
			assertThat(resource.getKind()).as(label).isEqualTo(document.get("kind"));
		}));
	}

	@Test
	void theStrictReadingRefusesWhatTheApiDoesNotKnow() {
		Map<String, Object> deployment = KubernetesManifests.base().get("Deployment", "token-server");
		strictlyRead("as rendered", deployment);
		assertThatThrownBy(() -> strictlyRead("unknown field", STRICT.convertValue(
				with(deployment, "spec.template.spec.containers.0.readinessProbe.httpGet.paht", "/x"), Map.class)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("paht");
		assertThatThrownBy(() -> strictlyRead("wrong type",
				with(deployment, "spec.template.spec.terminationGracePeriodSeconds", "fifty")))
			.hasMessageContaining("terminationGracePeriodSeconds");
		assertThatThrownBy(() -> strictlyRead("unknown kind",
				Map.of("apiVersion", "apps/v1", "kind", "Deploymnet", "metadata", Map.of("name", "x"))))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Deploymnet");
		assertThatThrownBy(() -> strictlyRead("kind at a version the API no longer serves",
				Map.of("apiVersion", "autoscaling/v2beta2", "kind", "HorizontalPodAutoscaler", "metadata",
						Map.of("name", "x"))))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("no longer served");
	}

	/**
	 * The document read into its model class; fails when the kind is unknown at its
	 * version, a field is unknown anywhere (fabric8 keeps unknown fields in
	 * {@code additionalProperties} instead of failing), a value does not convert, or
	 * writing the model back gives another document.
	 */
	private static HasMetadata strictlyRead(String label, Map<String, Object> document) {
		assertThat(document.get("apiVersion")).as(label + ": an API version no longer served").isNotIn(REMOVED);
		KubernetesResource resource;
		try {
			resource = STRICT.convertValue(document, KubernetesResource.class);
		}
		catch (RuntimeException ex) {
			throw new AssertionError(label + ": " + ex.getMessage(), ex);
		}
		assertThat(resource)
			.as(label + ": a kind the API knows at " + document.get("apiVersion") + ", not " + document.get("kind")
					+ " as an unknown resource")
			.isNotInstanceOf(GenericKubernetesResource.class)
			.isInstanceOf(HasMetadata.class);
		assertNoUnknownFields(label, resource.getClass().getSimpleName(), resource);
		List<String> differences = new ArrayList<>();
		differences("", STRICT.valueToTree(document), STRICT.valueToTree(resource), differences);
		assertThat(differences).as(label + ": written back as read").isEmpty();
		return (HasMetadata) resource;
	}

	/** Where two documents differ, as JSON pointers with both values. */
	private static void differences(String path, JsonNode read, JsonNode written, List<String> differences) {
		if (absent(read) && absent(written)) {
			// an empty map or list and none are one (kustomize 2.0 writes "labels: {}")
			return;
		}
		if (read.isObject() && written.isObject()) {
			Set<String> names = new TreeSet<>(read.propertyNames());
			names.addAll(written.propertyNames());
			names.forEach((name) -> differences(path + "/" + name, read.path(name), written.path(name), differences));
		}
		else if (read.isArray() && written.isArray() && read.size() == written.size()) {
			for (int i = 0; i < read.size(); i++) {
				differences(path + "/" + i, read.get(i), written.get(i), differences);
			}
		}
		else if (read.isNumber() && written.isNumber()) {
			// an int read may be written as a long (int32 and int64 fields alike)
			if (read.decimalValue().compareTo(written.decimalValue()) != 0) {
				differences.add(path + ": " + read + " became " + written);
			}
		}
		else if (!read.equals(written)) {
			differences.add(path + ": " + read + " became " + written);
		}
	}

	private static boolean absent(JsonNode node) {
		return node.isMissingNode() || node.isNull() || (node.isContainer() && node.isEmpty());
	}

	/** No {@code additionalProperties} at any depth of the model. */
	private static void assertNoUnknownFields(String label, String path, Object node) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> assertNoUnknownFields(label, path + "." + key, value));
			return;
		}
		if (node instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				assertNoUnknownFields(label, path + "[" + index++ + "]", element);
			}
			return;
		}
		if (node == null || !node.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value = invoke(getter, node);
			if (getter.getName().equals("getAdditionalProperties")) {
				assertThat((Map<?, ?>) value).as(label + ": fields the API does not have at " + path).isNullOrEmpty();
			}
			else {
				assertNoUnknownFields(label, path + "." + property(getter), value);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(getter.toString(), ex);
		}
	}

	private static String property(Method getter) {
		String name = getter.getName().substring(3);
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * A deep copy of the document with a value set at a dotted path (list indexes too).
	 */
	private static Map<String, Object> with(Map<String, Object> document, String path, Object value) {
		Map<String, Object> copy = DeploymentFiles.cast(STRICT.convertValue(document, Map.class));
		Object node = copy;
		String[] keys = path.split("\\.");
		for (int i = 0; i < keys.length - 1; i++) {
			node = (node instanceof List<?> list) ? list.get(Integer.parseInt(keys[i]))
					: ((Map<?, ?>) node).get(keys[i]);
		}
		DeploymentFiles.<Map<String, Object>>cast(node).put(keys[keys.length - 1], value);
		return copy;
	}

}

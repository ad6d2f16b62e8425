package io.wxhub.system.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.wxhub.system.deploy.DeploymentFiles.Reference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services of {@code docker-compose.yml}, with the questions the deployment tests ask
 * of them.
 */
final class ComposeServices {

	private final Map<String, Map<String, Object>> services = DeploymentFiles.services();

	Map<String, Map<String, Object>> all() {
		return this.services;
	}

	Map<String, Object> get(String name) {
		assertThat(this.services).as("services of docker-compose.yml").containsKey(name);
		return this.services.get(name);
	}

	/**
	 * The services built from this repository's Dockerfile, by name, with their module.
	 */
	Map<String, String> javaServices() {
		Map<String, String> modules = new LinkedHashMap<>();
		this.services.forEach((name, service) -> {
			if (service.containsKey("build")) {
				modules.put(name, module(name));
			}
		});
		return modules;
	}

	/** The module a service's image is built for: its {@code SERVICE} build arg. */
	String module(String name) {
		return String.valueOf(DeploymentFiles.at(get(name), "build.args.SERVICE"));
	}

	Map<String, String> environment(String name) {
		return DeploymentFiles.environment(get(name));
	}

	/** The services this one waits for, with the condition, in the long syntax. */
	Map<String, String> dependencies(String name) {
		Object dependsOn = get(name).get("depends_on");
		if (dependsOn == null) {
			return Map.of();
		}
		assertThat(dependsOn).as(name + ": depends_on in the long syntax, with conditions").isInstanceOf(Map.class);
		Map<String, String> conditions = new LinkedHashMap<>();
		DeploymentFiles.<Map<String, Object>>cast(dependsOn)
			.forEach((dependency, settings) -> conditions.put(dependency,
					(settings instanceof Map<?, ?> map) ? String.valueOf(map.get("condition")) : null));
		return conditions;
	}

	boolean profiled(String name) {
		return get(name).containsKey("profiles");
	}

	/** The port a service serves inside the compose network. */
	int port(String name) {
		if (get(name).containsKey("build")) {
			return DeploymentFiles.serverPort(module(name));
		}
		String image = String.valueOf(get(name).get("image"));
		if (image.startsWith("prom/prometheus:")) {
			return 9090;
		}
		if (image.startsWith("grafana/grafana:")) {
			return 3000;
		}
		return image.startsWith("redis:") ? 6379 : 80;
	}

	/** A service's healthcheck command, its words joined by spaces. */
	String healthcheck(String name) {
		Object healthcheck = get(name).get("healthcheck");
		assertThat(healthcheck).as(name + " has a healthcheck").isInstanceOf(Map.class);
		Object test = ((Map<?, ?>) healthcheck).get("test");
		assertThat(((Map<?, ?>) healthcheck).get("disable")).as(name + " healthcheck enabled").isNotEqualTo(true);
		String command = (test instanceof List<?> words)
				? words.stream().map(String::valueOf).collect(Collectors.joining(" ")) : String.valueOf(test);
		assertThat(command).as(name + " healthcheck").matches("(CMD|CMD-SHELL) .+");
		return command;
	}

	/** The variable of a value that must be exactly one {@code ${…}} reference. */
	static String variable(String value) {
		List<Reference> references = DeploymentFiles.references(String.valueOf(value));
		assertThat(references).as("references in " + value).hasSize(1);
		assertThat(value).as("a value that is only a reference").startsWith("${").endsWith("}");
		return references.get(0).name();
	}

	/**
	 * The variables referenced by the environment entries of a service whose names match.
	 */
	Set<String> variables(String name, String entryPattern) {
		return environment(name).entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches(entryPattern))
			.flatMap((entry) -> DeploymentFiles.references(entry.getValue()).stream())
			.map(Reference::name)
			.collect(Collectors.toCollection(TreeSet::new));
	}

}

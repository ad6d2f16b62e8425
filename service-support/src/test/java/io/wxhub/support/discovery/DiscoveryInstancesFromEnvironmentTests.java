package io.wxhub.support.discovery;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment-variable form of the token server's instances reaches the service id
 * LoadBalancer asks for, and replaces the configuration file's one-instance shorthand.
 */
class DiscoveryInstancesFromEnvironmentTests {

	private static final Bindable<List<InstanceProperties>> INSTANCES = Bindable.listOf(InstanceProperties.class);

	@Test
	void variablesNameTheDashedServiceAndReplaceTheShorthand() {
		StandardEnvironment environment = environment(Map.of(
				"SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_TOKEN_SERVER_0_URI", "http://token-server-1:8081",
				"SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_TOKEN_SERVER_1_URI", "http://token-server-2:8081",
				"API_PROXY_SIGNING_KEY", "unrelated"));

		new DiscoveryInstancesFromEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(Binder.get(environment)
			.bind("spring.cloud.discovery.client.simple.instances.token-server", INSTANCES)
			.get()).extracting((instance) -> instance.getUri().toString())
			.containsExactly("http://token-server-1:8081", "http://token-server-2:8081");
	}

	@Test
	void withoutVariablesTheShorthandStays() {
		StandardEnvironment environment = environment(Map.of("TOKEN_SERVER_URL", "http://elsewhere:8081"));

		new DiscoveryInstancesFromEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getPropertySources().stream().map((source) -> source.getName()))
			.noneMatch((name) -> name.startsWith(DiscoveryInstancesFromEnvironment.SOURCE));
		assertThat(Binder.get(environment)
			.bind("spring.cloud.discovery.client.simple.instances.token-server", INSTANCES)
			.get()).extracting((instance) -> instance.getUri().toString()).containsExactly("http://shorthand:8081");
	}

	/** Variables, and below them a configuration file with the shorthand. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		environment.getPropertySources()
			.addLast(new MapPropertySource("api-proxy.yml", Map
				.of("spring.cloud.discovery.client.simple.instances.token-server[0].uri", "http://shorthand:8081")));
		return environment;
	}

}

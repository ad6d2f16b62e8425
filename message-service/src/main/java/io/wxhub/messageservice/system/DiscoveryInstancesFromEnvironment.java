package io.wxhub.messageservice.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Makes the environment-variable form of the discovery list work for a service whose id
 * has a dash: Spring Boot binds
 * {@code SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_TOKEN_SERVER_0_URI} to the map
 * key {@code token.server} (a variable's name cannot carry a dash), while LoadBalancer
 * asks for {@code token-server}. Each such variable is also given as
 * {@code spring.cloud.discovery.client.simple.instances.token-server[0].uri}, just below
 * the environment variables, so it still wins over the configuration files.
 */
public class DiscoveryInstancesFromEnvironment implements EnvironmentPostProcessor {

	static final String SOURCE = "discoveryInstancesFromEnvironment";

	private static final Pattern INSTANCE_URI = Pattern
		.compile("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_([A-Z0-9_]+?)_(\\d+)_URI");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		PropertySource<?> variables = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		if (variables instanceof EnumerablePropertySource<?> enumerable) {
			Map<String, Object> instances = new LinkedHashMap<>();
			for (String name : enumerable.getPropertyNames()) {
				Matcher variable = INSTANCE_URI.matcher(name);
				if (variable.matches()) {
					String serviceId = variable.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
					instances.put("spring.cloud.discovery.client.simple.instances." + serviceId + "["
							+ variable.group(2) + "].uri", enumerable.getProperty(name));
				}
			}
			if (!instances.isEmpty()) {
				environment.getPropertySources()
					.addAfter(variables.getName(), new MapPropertySource(SOURCE, instances));
			}
		}
	}

}

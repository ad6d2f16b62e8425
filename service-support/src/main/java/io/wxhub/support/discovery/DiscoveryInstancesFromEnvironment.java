package io.wxhub.support.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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
		MutablePropertySources sources = environment.getPropertySources();
		List<SystemEnvironmentPropertySource> variables = sources.stream()
			.filter(SystemEnvironmentPropertySource.class::isInstance)
			.map(SystemEnvironmentPropertySource.class::cast)
			.toList();
		for (SystemEnvironmentPropertySource source : variables) {
			Map<String, Object> instances = new LinkedHashMap<>();
			for (String name : source.getPropertyNames()) {
				Matcher variable = INSTANCE_URI.matcher(name);
				if (variable.matches()) {
					String serviceId = variable.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
					instances.put("spring.cloud.discovery.client.simple.instances." + serviceId + "["
							+ variable.group(2) + "].uri", source.getProperty(name));
				}
			}
			if (!instances.isEmpty()) {
				sources.addAfter(source.getName(), new MapPropertySource(SOURCE + "-" + source.getName(), instances));
			}
		}
	}

}

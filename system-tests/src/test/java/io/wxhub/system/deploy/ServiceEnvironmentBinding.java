package io.wxhub.system.deploy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.domains.WeChatDomainsProperties;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.redis.RedisConnectionProperties;
import io.wxhub.redis.RedissonProperties;
import io.wxhub.sandbox.system.SandboxProperties;
import io.wxhub.support.discovery.DiscoveryInstancesFromEnvironment;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.webauth.system.WebAuthProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An environment a deployment gives a service (compose's, a Kubernetes Deployment's),
 * bound as Spring binds it on the service's shipped configuration alone (no demo
 * profile): every properties record of the service, and whether each variable is read.
 */
final class ServiceEnvironmentBinding {

	/** Per module: its configuration properties, by prefix. */
	private static final Map<String, Map<String, Class<?>>> PROPERTIES = Map.of("token-server",
			Map.of("token-server", TokenServerProperties.class, "wechat", WeChatDomainsProperties.class,
					"spring.data.redis", RedisConnectionProperties.class, "wxhub.redis", RedissonProperties.class),
			"api-proxy",
			Map.of("api-proxy", ApiProxyProperties.class, "wechat", WeChatDomainsProperties.class, "spring.data.redis",
					RedisConnectionProperties.class, "wxhub.redis", RedissonProperties.class, DiscoveryInstances.PREFIX,
					DiscoveryInstances.class),
			"message-service",
			Map.of("message-service", MessageServiceProperties.class, "spring.data.redis",
					RedisConnectionProperties.class, "wxhub.redis", RedissonProperties.class, DiscoveryInstances.PREFIX,
					DiscoveryInstances.class),
			"web-auth", Map.of("web-auth", WebAuthProperties.class, "spring.data.redis",
					RedisConnectionProperties.class, "wxhub.redis", RedissonProperties.class),
			"sandbox", Map.of("sandbox", SandboxProperties.class));

	private static final Map<String, Class<?>> CONFIGURATIONS = Map.of("token-server", TokenServer.class, "api-proxy",
			ApiProxy.class, "message-service", MessageService.class, "web-auth", WebAuth.class, "sandbox",
			Sandbox.class);

	private static final String DEPLOYMENT = "deployment-systemEnvironment";

	private ServiceEnvironmentBinding() {
	}

	/**
	 * Asserts that the environment alone gives the module a valid configuration (its
	 * properties records start) and that every variable is read: another value changes
	 * what is bound, or no longer converts (a number, an enum, a duration).
	 */
	static void assertValidAndEveryVariableRead(String label, String module, Map<String, String> variables) {
		assertThat(CONFIGURATIONS).as("modules whose properties are known").containsKey(module);
		Map<String, Object> environment = new LinkedHashMap<>(variables);
		new ApplicationContextRunner()
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(DEPLOYMENT, environment)))
			.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.name=" + module)
			.withUserConfiguration(CONFIGURATIONS.get(module))
			.run((context) -> {
				assertThat(context).as(label + " with the deployment's environment and no profile").hasNotFailed();
				Map<String, Object> bound = bindAll(context.getEnvironment(), environment, module);
				assertThat(bindAll(context.getEnvironment(), environment, module)).as("binding is repeatable")
					.isEqualTo(bound);
				environment.forEach((variable, value) -> {
					Map<String, Object> changed = new LinkedHashMap<>(environment);
					changed.put(variable, value + "x");
					Object result;
					try {
						result = bindAll(context.getEnvironment(), changed, module);
					}
					catch (RuntimeException ex) {
						result = ex;
					}
					assertThat(result).as(label + " reads " + variable).isNotEqualTo(bound);
				});
			});
	}

	/**
	 * Every properties record of the module, bound from its shipped configuration with
	 * these environment variables, by prefix, handed to the assertions.
	 */
	static void withBound(String module, Map<String, String> variables, Consumer<Map<String, Object>> assertions) {
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.name=" + module)
			.run((context) -> assertions
				.accept(bindAll(context.getEnvironment(), new LinkedHashMap<>(variables), module)));
	}

	/**
	 * Every properties record of the module, bound from the context's configuration with
	 * these environment variables.
	 */
	private static Map<String, Object> bindAll(ConfigurableEnvironment context, Map<String, Object> variables,
			String module) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.stream().toList().forEach((source) -> sources.remove(source.getName()));
		sources.addFirst(new SystemEnvironmentPropertySource(DEPLOYMENT, variables));
		context.getPropertySources()
			.stream()
			// not the deployment's variables being replaced, nor Boot's view of them all
			.filter((source) -> !source.getName().equals(DEPLOYMENT)
					&& !source.getName().equals("configurationProperties"))
			.forEach(sources::addLast);
		// as every service's environment post-processor does
		new DiscoveryInstancesFromEnvironment().postProcessEnvironment(environment, null);
		Binder binder = Binder.get(environment);
		Map<String, Object> bound = new LinkedHashMap<>();
		PROPERTIES.get(module).forEach((prefix, type) -> bound.put(prefix, binder.bindOrCreate(prefix, type)));
		return bound;
	}

	/**
	 * The callee instances Spring Cloud LoadBalancer reads
	 * ({@code spring.cloud.discovery.client.simple.instances}), by service id.
	 */
	record DiscoveryInstances(Map<String, List<Instance>> instances) {

		static final String PREFIX = "spring.cloud.discovery.client.simple";

		record Instance(URI uri) {
		}

	}

	@EnableConfigurationProperties({ TokenServerProperties.class, WeChatDomainsProperties.class,
			RedisConnectionProperties.class, RedissonProperties.class })
	static class TokenServer {

	}

	@EnableConfigurationProperties({ ApiProxyProperties.class, WeChatDomainsProperties.class,
			RedisConnectionProperties.class, RedissonProperties.class })
	static class ApiProxy {

	}

	@EnableConfigurationProperties({ MessageServiceProperties.class, RedisConnectionProperties.class,
			RedissonProperties.class })
	static class MessageService {

	}

	@EnableConfigurationProperties({ WebAuthProperties.class, RedisConnectionProperties.class,
			RedissonProperties.class })
	static class WebAuth {

	}

	@EnableConfigurationProperties(SandboxProperties.class)
	static class Sandbox {

	}

}

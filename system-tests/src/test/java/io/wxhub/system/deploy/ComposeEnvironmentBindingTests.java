package io.wxhub.system.deploy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.domains.WeChatDomainsProperties;
import io.wxhub.messageservice.system.MessageServiceProperties;
import io.wxhub.redis.RedisConnectionProperties;
import io.wxhub.redis.RedissonProperties;
import io.wxhub.sandbox.system.SandboxProperties;
import io.wxhub.support.discovery.DiscoveryInstancesFromEnvironment;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.webauth.keys.SigningKeys;
import io.wxhub.webauth.system.WebAuthProperties;
import org.junit.jupiter.api.Test;

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
 * The environment {@code docker-compose.yml} gives each service, with the values of
 * {@code .env.example}, bound as Spring binds it: on the service's shipped configuration
 * alone (no demo profile) every properties record is valid, and every variable is read.
 */
class ComposeEnvironmentBindingTests {

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

	private static final String COMPOSE = "compose-systemEnvironment";

	private final ComposeServices compose = new ComposeServices();

	private final Map<String, String> envExample = DeploymentFiles.envExample();

	@Test
	void theComposeEnvironmentAloneGivesEveryServiceAValidConfigurationAndEveryVariableIsRead() {
		assertThat(CONFIGURATIONS.keySet()).containsAll(this.compose.javaServices().values());
		this.compose.javaServices().forEach((name, module) -> {
			Map<String, Object> environment = new LinkedHashMap<>(resolved(this.compose.environment(name)));
			new ApplicationContextRunner()
				.withInitializer((context) -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new SystemEnvironmentPropertySource(COMPOSE, environment)))
				.withInitializer(new ConfigDataApplicationContextInitializer())
				.withPropertyValues("spring.config.name=" + module)
				.withUserConfiguration(CONFIGURATIONS.get(module))
				.run((context) -> {
					assertThat(context).as(name + " with compose's environment and no profile").hasNotFailed();
					Map<String, Object> bound = bindAll(context.getEnvironment(), environment, module);
					assertThat(bindAll(context.getEnvironment(), environment, module)).as("binding is repeatable")
						.isEqualTo(bound);
					// A variable is read when another value changes what is bound, or no
					// longer
					// converts (a number, an enum, a duration).
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
						assertThat(result).as(name + " reads " + variable).isNotEqualTo(bound);
					});
				});
		});
	}

	@Test
	void theApiProxyReachesTheTokenServerReplicasAndTheMessageServiceTheApiProxy() {
		Map<String, String> proxy = resolved(this.compose.environment("api-proxy"));
		new ApplicationContextRunner()
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(COMPOSE, new LinkedHashMap<>(proxy))))
			.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.name=api-proxy")
			.run((context) -> {
				Object bound = bindAll(context.getEnvironment(), new LinkedHashMap<>(proxy), "api-proxy")
					.get(DiscoveryInstances.PREFIX);
				assertThat(((DiscoveryInstances) bound).instances().get("token-server"))
					.extracting((instance) -> instance.uri().toString())
					.containsExactly("http://token-server-1:8081", "http://token-server-2:8081");
			});
		Map<String, String> messages = resolved(this.compose.environment("message-service"));
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.name=message-service")
			.run((context) -> {
				Object bound = bindAll(context.getEnvironment(), new LinkedHashMap<>(messages), "message-service")
					.get(DiscoveryInstances.PREFIX);
				// the one-instance shorthand, message-service.api-proxy.url
				assertThat(((DiscoveryInstances) bound).instances().get("api-proxy"))
					.extracting((instance) -> instance.uri().toString())
					.containsExactly("http://api-proxy:8082");
			});
	}

	@Test
	void theBrokerReachesATokenServerTheApiProxyAndWeChatAndSignsWithTheExampleKey() {
		Map<String, String> broker = resolved(this.compose.environment("web-auth"));
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.name=web-auth")
			.run((context) -> {
				WebAuthProperties bound = (WebAuthProperties) bindAll(context.getEnvironment(),
						new LinkedHashMap<>(broker), "web-auth")
					.get("web-auth");
				assertThat(bound.tokenServer().url()).hasToString("http://token-server-1:8081");
				assertThat(bound.apiProxy().url()).hasToString("http://api-proxy:8082");
				assertThat(bound.publicUrl()).hasToString(this.envExample.get("WEB_AUTH_PUBLIC_URL"));
				assertThat(bound.wechatOpenBaseUrl()).hasToString(this.envExample.get("WECHAT_OPEN_BASE_URL"));
				assertThat(SigningKeys.fromJwk(bound.signingKey())).hasToString("SigningKeys[kid=demo-web-auth-1]");
				// the client's return addresses, one per comma-separated prefix, each one
				// allowed
				String[] prefixes = this.envExample.get("WEB_AUTH_RETURN_TO").split(",");
				assertThat(bound.clients()).singleElement().satisfies((client) -> {
					assertThat(client.id()).isEqualTo("internal");
					assertThat(client.apps()).containsExactly(this.envExample.get("WX_APP_ID"));
					assertThat(client.returnTo()).containsExactly(prefixes);
					for (String prefix : prefixes) {
						assertThat(client.allowsReturnTo(URI.create(prefix + "signed-in?x=1"))).as(prefix).isTrue();
					}
				});
			});
		// without WECHAT_OPEN_BASE_URL in .env, WeChat's own page
		Map<String, String> production = new LinkedHashMap<>(this.compose.environment("web-auth"));
		production.replaceAll((variable, value) -> value.replace("${WECHAT_OPEN_BASE_URL:-", "${UNSET_IN_ENV:-"));
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.name=web-auth")
			.run((context) -> assertThat(((WebAuthProperties) bindAll(context.getEnvironment(),
					new LinkedHashMap<>(resolved(production)), "web-auth")
				.get("web-auth")).wechatOpenBaseUrl()).hasToString("https://open.weixin.qq.com"));
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
		sources.addFirst(new SystemEnvironmentPropertySource(COMPOSE, variables));
		context.getPropertySources()
			.stream()
			// not the compose variables being replaced, nor Boot's view of them all
			.filter((source) -> !source.getName().equals(COMPOSE)
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
	 * The environment with every {@code ${VAR…}} replaced as compose would with
	 * {@code .env.example}.
	 */
	private Map<String, String> resolved(Map<String, String> environment) {
		return DeploymentFiles.resolved(environment, this.envExample);
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

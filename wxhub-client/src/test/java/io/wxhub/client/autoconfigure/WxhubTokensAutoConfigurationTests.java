package io.wxhub.client.autoconfigure;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wxhub.client.WxhubTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The auto-configured {@link WxhubTokens}: present only with both properties, backing off
 * for the application's own, with the application's meter registry, with Spring Cloud
 * LoadBalancer choosing the first URL when it is there and enabled, and with neither on
 * the class path. Also the imports file and the generated metadata.
 */
class WxhubTokensAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxhubTokensAutoConfiguration.class));

	@Test
	void noBeanUnlessBothPropertiesAreSet() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(WxhubTokens.class));
		this.runner.withPropertyValues("wxhub.token-server.urls=http://127.0.0.1:8081")
			.run((context) -> assertThat(context).doesNotHaveBean(WxhubTokens.class));
		this.runner.withPropertyValues("wxhub.token-server.client-key=k")
			.run((context) -> assertThat(context).doesNotHaveBean(WxhubTokens.class));
		this.runner
			.withPropertyValues("wxhub.token-server.urls=http://127.0.0.1:8081", "wxhub.token-server.client-key=")
			.run((context) -> assertThat(context).doesNotHaveBean(WxhubTokens.class));
	}

	@Test
	void theBeanWithBothProperties() {
		this.runner
			.withPropertyValues("wxhub.token-server.urls=http://a.example:8081,http://b.example:8081",
					"wxhub.token-server.client-key=the-key", "wxhub.token-server.read-timeout=3s")
			.run((context) -> {
				assertThat(context).hasSingleBean(WxhubTokens.class);
				WxhubTokenServerProperties properties = context.getBean(WxhubTokenServerProperties.class);
				assertThat(properties.urls()).containsExactly(URI.create("http://a.example:8081"),
						URI.create("http://b.example:8081"));
				assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.toString()).contains("a.example").doesNotContain("the-key");
				assertThat(context.getBean(WxhubTokens.class).toString()).doesNotContain("the-key");
			});
	}

	@Test
	void theUrlsMayBeAnIndexedList() {
		this.runner
			.withPropertyValues("wxhub.token-server.urls[0]=http://a.example:8081",
					"wxhub.token-server.urls[1]=http://b.example:8081", "wxhub.token-server.client-key=k")
			.run((context) -> assertThat(context).hasSingleBean(WxhubTokens.class));
	}

	@Test
	void theApplicationsOwnBeanWins() {
		WxhubTokens own = mock(WxhubTokens.class);
		this.runner.withPropertyValues("wxhub.token-server.urls=http://a.example", "wxhub.token-server.client-key=k")
			.withBean(WxhubTokens.class, () -> own)
			.run((context) -> assertThat(context).getBean(WxhubTokens.class).isSameAs(own));
	}

	@Test
	void metricsGoToTheApplicationsRegistry() {
		try (LocalTokenServer server = new LocalTokenServer()) {
			this.runner.withPropertyValues(server.properties())
				.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
				.run((context) -> {
					assertThat(context.getBean(WxhubTokens.class).accessToken("wx1")).isEqualTo("T");
					assertThat(context.getBean(MeterRegistry.class)
						.get("wxhub.client.requests")
						.tags("kind", "access-token", "outcome", "success")
						.timer()
						.count()).isEqualTo(1);
				});
		}
	}

	@Test
	void customizersAdjustTheBuilder() {
		this.runner.withPropertyValues("wxhub.token-server.urls=http://a.example", "wxhub.token-server.client-key=k")
			.withUserConfiguration(RecordingCustomizer.class)
			.run((context) -> assertThat(context.getBean(RecordingCustomizer.class).calls).hasSize(1));
	}

	@Test
	void worksWithoutMicrometerAndLoadBalancer() {
		try (LocalTokenServer server = new LocalTokenServer()) {
			this.runner.withClassLoader(new FilteredClassLoader("io.micrometer", "org.springframework.cloud"))
				.withPropertyValues(server.properties())
				.run((context) -> assertThat(context.getBean(WxhubTokens.class).accessToken("wx1")).isEqualTo("T"));
		}
	}

	@Test
	void loadBalancerSpreadsRequestsAndSkipsADeadInstance() {
		try (LocalTokenServer one = new LocalTokenServer(); LocalTokenServer two = new LocalTokenServer()) {
			this.runner.withConfiguration(AutoConfigurations.of(LoadBalancerAutoConfiguration.class))
				.withPropertyValues(
						"wxhub.token-server.urls=" + one.url() + "," + two.url() + "," + LocalTokenServer.deadUrl(),
						"wxhub.token-server.client-key=k")
				.run((context) -> {
					WxhubTokens tokens = context.getBean(WxhubTokens.class);
					for (int i = 0; i < 6; i++) {
						assertThat(tokens.jsapiSignature("wx1", "https://a.example/").signature()).isEqualTo("s");
					}
					// round robin over three instances, the dead one's turns going to the
					// next
					assertThat(one.signatures() + two.signatures()).isEqualTo(6);
					assertThat(one.signatures()).isBetween(2, 4);
					assertThat(two.signatures()).isBetween(2, 4);
				});
		}
	}

	@Test
	void withLoadBalancerDisabledTheOrderIsTheConfiguredOne() {
		try (LocalTokenServer one = new LocalTokenServer(); LocalTokenServer two = new LocalTokenServer()) {
			this.runner.withConfiguration(AutoConfigurations.of(LoadBalancerAutoConfiguration.class))
				.withPropertyValues("wxhub.token-server.urls=" + one.url() + "," + two.url(),
						"wxhub.token-server.client-key=k", "spring.cloud.loadbalancer.enabled=false")
				.run((context) -> {
					for (int i = 0; i < 4; i++) {
						context.getBean(WxhubTokens.class).jsapiSignature("wx1", "https://a.example/");
					}
					assertThat(one.signatures()).isEqualTo(4);
				});
		}
	}

	@Test
	void theImportsFileNamesTheAutoConfiguration() {
		List<String> candidates = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(candidates::add);
		assertThat(candidates).contains(WxhubTokensAutoConfiguration.class.getName());
	}

	@Test
	void theMetadataDescribesEveryProperty() throws Exception {
		JsonNode metadata = null;
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode candidate = JsonMapper.builder().build().readTree(in);
				if (candidate.path("groups").toString().contains(WxhubTokenServerProperties.class.getName())) {
					metadata = candidate;
				}
			}
		}
		assertThat(metadata).as("metadata of wxhub.token-server").isNotNull();
		Map<String, JsonNode> properties = new java.util.HashMap<>();
		metadata.path("properties").forEach((property) -> properties.put(property.path("name").asString(), property));
		assertThat(properties).containsOnlyKeys("wxhub.token-server.urls", "wxhub.token-server.client-key",
				"wxhub.token-server.connect-timeout", "wxhub.token-server.read-timeout", "wxhub.wxjava.enabled");
		properties.values()
			.forEach((property) -> assertThat(property.path("description").asString()).as(property.toString())
				.isNotBlank());
		assertThat(properties.get("wxhub.token-server.read-timeout").path("defaultValue").asString()).isEqualTo("10s");
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingCustomizer {

		final List<WxhubTokens.Builder> calls = new ArrayList<>();

		@Bean
		WxhubTokensBuilderCustomizer recording() {
			return this.calls::add;
		}

	}

}

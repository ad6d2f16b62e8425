package io.wxhub.tokenserver.system;

import io.wxhub.testsupport.TestRedis;
import io.wxhub.tokenserver.TokenServerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.wxhub.testsupport.StartupFailures.invalidProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The shipped configuration has no secret: without the demo profile or the environment
 * the service refuses to start and names each missing secret; the demo profile gives them
 * all.
 */
class SecretsConfigurationTests {

	private final ApplicationContextRunner shipped = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withPropertyValues("spring.config.name=token-server")
		.withUserConfiguration(Properties.class);

	@Test
	void withoutTheDemoProfileTheServiceRefusesToStartAndNamesEachMissingSecret() {
		Throwable failure = catchThrowable(() -> TokenServerApplication.builder()
			.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url()));
		assertThat(invalidProperties(failure)).containsExactlyInAnyOrder("token-server.apps", "token-server.clients");
	}

	@Test
	void anAppOrClientWithoutItsSecretIsNamed() {
		this.shipped
			.withPropertyValues("token-server.apps[0].app-id=wx0000000000000001", "token-server.clients[0].id=internal")
			.run((context) -> assertThat(invalidProperties(context.getStartupFailure()))
				.containsExactlyInAnyOrder("token-server.apps[0].secret", "token-server.clients[0].key"));
	}

	@Test
	void theDemoProfileGivesEverySecret() {
		this.shipped.withPropertyValues("spring.profiles.active=demo").run((context) -> {
			assertThat(context).hasNotFailed();
			TokenServerProperties properties = context.getBean(TokenServerProperties.class);
			assertThat(properties.apps()).extracting(TokenServerProperties.App::secret)
				.allSatisfy((secret) -> assertThat(secret).isNotBlank());
			assertThat(properties.clients()).extracting(TokenServerProperties.Client::key)
				.containsExactly("demo-token-client-key", "demo-proxy-token-key", "demo-web-auth-token-key");
		});
	}

	@EnableConfigurationProperties(TokenServerProperties.class)
	static class Properties {

	}

}

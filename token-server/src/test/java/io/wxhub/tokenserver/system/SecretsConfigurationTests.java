package io.wxhub.tokenserver.system;

import java.util.List;

import io.wxhub.testsupport.TestRedis;
import io.wxhub.tokenserver.TokenServerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.FieldError;

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
				.containsExactly("demo-token-client-key", "demo-proxy-token-key");
		});
	}

	/**
	 * The properties a start-up failure names as invalid, as Boot's failure report shows
	 * them.
	 */
	static List<String> invalidProperties(Throwable failure) {
		Throwable bind = failure;
		while (bind != null && !(bind instanceof BindValidationException)) {
			bind = bind.getCause();
		}
		assertThat(bind).as("a binding validation failure in " + failure).isInstanceOf(BindValidationException.class);
		return ((BindValidationException) bind).getValidationErrors()
			.getAllErrors()
			.stream()
			.map((error) -> (error instanceof FieldError field) ? field.getObjectName() + "." + field.getField()
					: error.getObjectName())
			.toList();
	}

	@EnableConfigurationProperties(TokenServerProperties.class)
	static class Properties {

	}

}

package io.wxhub.messageservice.system;

import io.wxhub.messageservice.MessageServiceApplication;
import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
@ExtendWith(OutputCaptureExtension.class)
class SecretsConfigurationTests {

	private final ApplicationContextRunner shipped = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withPropertyValues("spring.config.name=message-service")
		.withUserConfiguration(Properties.class);

	@Test
	void withoutTheDemoProfileTheServiceRefusesToStartAndNamesEachMissingSecret() {
		Throwable failure = catchThrowable(() -> MessageServiceApplication.builder()
			.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url()));
		assertThat(invalidProperties(failure)).containsExactlyInAnyOrder("message-service.apps",
				"message-service.apiProxy.clientKey");
	}

	@Test
	void anAppWithoutItsTokenOrWithABadAesKeyIsNamed() {
		this.shipped
			.withPropertyValues("message-service.api-proxy.client-key=k",
					"message-service.apps[0].app-id=wx0000000000000001", "message-service.apps[0].original-id=gh_1",
					"message-service.apps[0].aes-key=short", "message-service.apps[0].mode=safe")
			.run((context) -> assertThat(invalidProperties(context.getStartupFailure()))
				.containsExactlyInAnyOrder("message-service.apps[0].token", "message-service.apps[0].aesKey"));
	}

	@Test
	void aRejectedAesKeyIsNamedButNeverLogged(CapturedOutput output) {
		String typo = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!";
		Throwable failure = catchThrowable(() -> MessageServiceApplication.builder()
			.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(), "--spring.profiles.active=demo",
					"--message-service.apps[0].aes-key=" + typo));
		// a list given on the command line replaces the demo one: its other fields are
		// missing too
		assertThat(invalidProperties(failure)).contains("message-service.apps[0].aesKey");
		assertThat(output).contains("Property: message-service.apps[0].aesKey").doesNotContain(typo);
	}

	@Test
	void theDemoProfileGivesEverySecret() {
		this.shipped.withPropertyValues("spring.profiles.active=demo").run((context) -> {
			assertThat(context).hasNotFailed();
			MessageServiceProperties properties = context.getBean(MessageServiceProperties.class);
			assertThat(properties.apiProxy().clientKey()).isEqualTo("demo-proxy-client-key");
			assertThat(properties.apps()).extracting(MessageServiceProperties.App::token)
				.containsExactly("wxhubdemo", "wxhubdemo2");
			assertThat(properties.apps()).extracting(MessageServiceProperties.App::aesKey)
				.allSatisfy((key) -> assertThat(key).hasSize(43));
		});
	}

	@EnableConfigurationProperties(MessageServiceProperties.class)
	static class Properties {

	}

}

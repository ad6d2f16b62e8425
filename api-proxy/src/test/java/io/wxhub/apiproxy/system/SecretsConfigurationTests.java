package io.wxhub.apiproxy.system;

import io.wxhub.apiproxy.ApiProxyApplication;
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
		.withPropertyValues("spring.config.name=api-proxy")
		.withUserConfiguration(Properties.class);

	@Test
	void withoutTheDemoProfileTheServiceRefusesToStartAndNamesEachMissingSecret() {
		Throwable failure = catchThrowable(() -> ApiProxyApplication.builder()
			.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url()));
		assertThat(invalidProperties(failure)).containsExactlyInAnyOrder("api-proxy.signingKey",
				"api-proxy.tokenServer.clientKey", "api-proxy.clients");
	}

	@Test
	void aClientWithoutItsKeyAndAShortSigningKeyAreNamed() {
		this.shipped
			.withPropertyValues("api-proxy.clients[0].id=internal", "api-proxy.token-server.client-key=k",
					"api-proxy.signing-key=too-short")
			.run((context) -> assertThat(invalidProperties(context.getStartupFailure()))
				.containsExactlyInAnyOrder("api-proxy.clients[0].key", "api-proxy.signingKey"));
	}

	@Test
	void aRejectedSigningKeyIsNamedButNeverLogged(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> ApiProxyApplication.builder()
			.run("--server.port=0", "--spring.data.redis.url=" + TestRedis.url(), "--spring.profiles.active=demo",
					"--api-proxy.signing-key=a-real-looking-but-short-key"));
		assertThat(invalidProperties(failure)).containsExactly("api-proxy.signingKey");
		assertThat(output).contains("Property: api-proxy.signingKey").doesNotContain("a-real-looking-but-short-key");
	}

	@Test
	void theDemoProfileGivesEverySecret() {
		this.shipped.withPropertyValues("spring.profiles.active=demo").run((context) -> {
			assertThat(context).hasNotFailed();
			ApiProxyProperties properties = context.getBean(ApiProxyProperties.class);
			assertThat(properties.signingKey()).hasSizeGreaterThanOrEqualTo(32);
			assertThat(properties.tokenServer().clientKey()).isEqualTo("demo-proxy-token-key");
			assertThat(properties.clients()).extracting(ApiProxyProperties.Client::key)
				.containsExactly("demo-proxy-client-key");
		});
	}

	@EnableConfigurationProperties(ApiProxyProperties.class)
	static class Properties {

	}

}

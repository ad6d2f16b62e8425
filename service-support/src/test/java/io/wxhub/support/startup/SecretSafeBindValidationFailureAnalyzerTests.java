package io.wxhub.support.startup;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class SecretSafeBindValidationFailureAnalyzerTests {

	@Test
	void aRejectedSecretIsNamedWithItsReasonButNeverPrinted(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Settings.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--demo.signing-key=short-secret-value",
				"--demo.workers=0", "--demo.upstream.url=x", "--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: demo.signingKey")
			.contains("(a secret: not shown)")
			.contains("size must be between 32")
			.doesNotContain("short-secret-value");
		// other values still help the reader
		assertThat(output).contains("Property: demo.workers").contains("Value: \"0\"");
	}

	@Test
	void secretsAreKnownByTheLastSegmentOfTheirName() {
		assertThat(SecretSafeBindValidationFailureAnalyzer.isSecret("signingKey")).isTrue();
		assertThat(SecretSafeBindValidationFailureAnalyzer.isSecret("clients[0].key")).isTrue();
		assertThat(SecretSafeBindValidationFailureAnalyzer.isSecret("apps[1].appSecret")).isTrue();
		assertThat(SecretSafeBindValidationFailureAnalyzer.isSecret("aesKey")).isTrue();
		assertThat(SecretSafeBindValidationFailureAnalyzer.isSecret("tokenServer.url")).isFalse();
		assertThat(SecretSafeBindValidationFailureAnalyzer.isSecret("workers")).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoProperties.class)
	static class Settings {

	}

	@Validated
	@ConfigurationProperties("demo")
	record DemoProperties(@Size(min = 32) String signingKey, @Min(1) int workers, Upstream upstream) {

		record Upstream(String url) {
		}

	}

}

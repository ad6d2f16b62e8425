package io.wxhub.sandbox.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsFollowWeChat() {
		this.runner.run((context) -> {
			SandboxProperties properties = context.getBean(SandboxProperties.class);
			assertThat(properties.accounts()).isEmpty();
			assertThat(properties.tokenLifetime()).isEqualTo(Duration.ofSeconds(7200));
			assertThat(properties.tokenOverlap()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.effectiveStableRotateBefore()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.dailyQuotas()).isEmpty();
			assertThat(properties.push().timeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.push().attempts()).isEqualTo(3);
		});
	}

	@Test
	void bindsAnAccount() {
		this.runner
			.withPropertyValues("sandbox.accounts[0].app-id=wxa", "sandbox.accounts[0].secret=s",
					"sandbox.accounts[0].mode=compatible", "sandbox.accounts[0].token=t",
					"sandbox.accounts[0].aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
					"sandbox.accounts[0].callback-url=http://127.0.0.1:8083/wx/wxa",
					"sandbox.accounts[0].ip-whitelist=10.0.0.1", "sandbox.accounts[0].name=演示号",
					"sandbox.accounts[0].open-platform-account=op1",
					"sandbox.accounts[0].web-auth-domains=h5.example.com,www.example.com")
			.run((context) -> {
				SandboxProperties.Account account = context.getBean(SandboxProperties.class).accounts().get(0);
				assertThat(account.mode()).isEqualTo(SandboxProperties.Mode.COMPATIBLE);
				assertThat(account.ipWhitelist()).containsExactly("10.0.0.1");
				assertThat(account.displayName()).isEqualTo("演示号");
				assertThat(account.openPlatformAccount()).isEqualTo("op1");
				assertThat(account.webAuthDomains()).containsExactly("h5.example.com", "www.example.com");
			});
	}

	@Test
	void capsStableRotationAtHalfTheLifetime() {
		this.runner.withPropertyValues("sandbox.token-lifetime=3s").run((context) -> {
			assertThat(context.getBean(SandboxProperties.class).effectiveStableRotateBefore())
				.isEqualTo(Duration.ofMillis(1500));
		});
	}

	@Test
	void rejectsInvalidConfiguration() {
		assertFails("sandbox.accounts[0].app-id=wxa", "sandbox.accounts[0].secret=s",
				"sandbox.accounts[0].aes-key=tooShort", "sandbox.accounts[0].token=t", "sandbox.accounts[0].mode=safe");
		assertFails("sandbox.accounts[0].app-id=wxa", "sandbox.accounts[0].secret=s", "sandbox.accounts[0].mode=safe");
		assertFails("sandbox.accounts[0].app-id=wxa");
		assertFails("sandbox.accounts[0].app-id=wxa", "sandbox.accounts[0].secret=s", "sandbox.accounts[1].app-id=wxa",
				"sandbox.accounts[1].secret=t");
		assertFails("sandbox.accounts[0].app-id=wxa", "sandbox.accounts[0].secret=s",
				"sandbox.accounts[0].callback-url=ftp://x");
		assertFails("sandbox.token-lifetime=0s");
		assertFails("sandbox.daily-quotas[/cgi-bin/token]=-1");
		assertFails("sandbox.push.timeout=0s");
		assertFails("sandbox.push.attempts=0");
	}

	private void assertFails(String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SandboxProperties.class)
	static class PropertiesConfiguration {

	}

}

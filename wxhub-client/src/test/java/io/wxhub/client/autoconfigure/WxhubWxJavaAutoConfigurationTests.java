package io.wxhub.client.autoconfigure;

import io.wxhub.client.wxjava.WxhubMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WxJava storage: defined only with the switch, the token server's properties and
 * WxJava on the class path; taking WxJava's starter properties; refusing to start, with
 * the property named, when the AppID is missing; backing off for the application's own
 * storage.
 */
class WxhubWxJavaAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WxhubTokensAutoConfiguration.class, WxhubWxJavaAutoConfiguration.class))
		.withPropertyValues("wxhub.token-server.urls=http://127.0.0.1:8081",
				"wxhub.token-server.client-key=the-client-key", "wx.mp.app-id=wx0123456789abcdef");

	@Test
	void theStorageWithTheSwitch() {
		this.runner
			.withPropertyValues("wxhub.wxjava.enabled=true", "wx.mp.token=callback-token",
					"wx.mp.hosts.api-host=http://sandbox.example:8090")
			.run((context) -> {
				WxhubMpConfigStorage storage = context.getBean(WxhubMpConfigStorage.class);
				assertThat(storage.getAppId()).isEqualTo("wx0123456789abcdef");
				assertThat(storage.getToken()).isEqualTo("callback-token");
				assertThat(storage.getHostConfig().getApiHost()).isEqualTo("http://sandbox.example:8090");
				assertThat(storage.toString()).doesNotContain("the-client-key").doesNotContain("callback-token");
			});
	}

	@Test
	void noStorageWithoutTheSwitchOrWithoutWxJavaOrWithoutTheTokenServer() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(WxMpConfigStorage.class));
		this.runner.withPropertyValues("wxhub.wxjava.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WxMpConfigStorage.class));
		this.runner.withPropertyValues("wxhub.wxjava.enabled=true")
			.withClassLoader(new FilteredClassLoader(WxMpConfigStorage.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("wxhubMpConfigStorage"));
		this.runner.withPropertyValues("wxhub.wxjava.enabled=true", "wxhub.token-server.client-key=")
			.run((context) -> assertThat(context).doesNotHaveBean(WxMpConfigStorage.class));
	}

	@Test
	void aMissingAppIdStopsTheStartNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WxhubTokensAutoConfiguration.class, WxhubWxJavaAutoConfiguration.class))
			.withPropertyValues("wxhub.token-server.urls=http://127.0.0.1:8081",
					"wxhub.token-server.client-key=the-client-key", "wxhub.wxjava.enabled=true")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("wx.mp.app-id"));
	}

	@Test
	void theApplicationsOwnStorageWins() {
		this.runner.withPropertyValues("wxhub.wxjava.enabled=true")
			.withBean(WxMpConfigStorage.class, WxMpDefaultConfigImpl::new)
			.run((context) -> assertThat(context).hasSingleBean(WxMpConfigStorage.class)
				.doesNotHaveBean(WxhubMpConfigStorage.class));
	}

}

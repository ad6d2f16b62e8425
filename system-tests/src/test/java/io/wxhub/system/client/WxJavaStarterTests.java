package io.wxhub.system.client;

import io.wxhub.client.wxjava.WxhubMpConfigStorage;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static io.wxhub.system.client.TokenServerStack.APP;
import static io.wxhub.system.client.TokenServerStack.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot app with WxJava's own starter ({@code wx-java-mp-spring-boot-starter})
 * and wxhub-client: the token server's two properties and {@code wxhub.wxjava.enabled}
 * give the starter's {@code WxMpService} central tokens, with no code and no
 * {@code wx.mp.secret}; without the switch, the starter keeps its own storage.
 */
@ExtendWith(SharedTokenServerStack.class)
class WxJavaStarterTests {

	@Test
	void theStartersWxMpServiceGetsItsTokensFromTheTokenServer(TokenServerStack stack) throws Exception {
		try (ConfigurableApplicationContext app = run(stack, "--wxhub.wxjava.enabled=true")) {
			WxMpService wechat = app.getBean(WxMpService.class);
			assertThat(wechat.getWxMpConfigStorage()).isInstanceOf(WxhubMpConfigStorage.class);
			assertThat(stack.tokenValid(APP, wechat.getAccessToken())).isTrue();
			assertThat(wechat.getUserService().userList(null).getOpenids()).isNotEmpty();
			assertThat(wechat.createJsapiSignature("https://wxhub.example/").getAppId()).isEqualTo(APP);
		}
	}

	@Test
	void withoutTheSwitchTheStarterKeepsItsOwnStorage(TokenServerStack stack) {
		try (ConfigurableApplicationContext app = run(stack, "--wxhub.wxjava.enabled=false")) {
			assertThat(app.getBean(WxMpService.class).getWxMpConfigStorage())
				.isNotInstanceOf(WxhubMpConfigStorage.class);
		}
	}

	private static ConfigurableApplicationContext run(TokenServerStack stack, String wxjavaSwitch) {
		return new SpringApplicationBuilder(TinyApp.class).web(WebApplicationType.NONE)
			.run("--wxhub.token-server.urls=" + stack.url(), "--wxhub.token-server.client-key=" + KEY, wxjavaSwitch,
					"--wx.mp.app-id=" + APP, "--wx.mp.hosts.api-host=" + stack.sandboxUrl());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TinyApp {

	}

}

package io.wxhub.client.autoconfigure;

import io.wxhub.client.WxhubTokens;
import io.wxhub.client.wxjava.WxhubMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * WxJava with central tokens: with {@code wxhub.wxjava.enabled=true}, the
 * {@link WxMpConfigStorage} of the account {@code wx.mp.app-id} is a
 * {@link WxhubMpConfigStorage}. It is defined before WxJava's own Spring Boot starter
 * ({@code wx-java-mp-spring-boot-starter}) looks for one, so the starter's
 * {@code WxMpService} uses it; an app without that starter injects it into its own
 * {@code WxMpService}.
 * <p>
 * The storage takes the starter's properties that still matter: {@code wx.mp.app-id},
 * {@code wx.mp.token} and {@code wx.mp.aes-key} (for WxJava's message handling),
 * {@code wx.mp.hosts.*} (WeChat's API host, or a proxy's) and the HTTP proxy of
 * {@code wx.mp.config-storage.*}. {@code wx.mp.secret} is not needed and not read.
 */
@AutoConfiguration(after = WxhubTokensAutoConfiguration.class,
		beforeName = "com.binarywang.spring.starter.wxjava.mp.config.WxMpAutoConfiguration")
@ConditionalOnClass(WxMpConfigStorage.class)
@ConditionalOnProperty(name = "wxhub.wxjava.enabled", havingValue = "true")
@ConditionalOnBean(WxhubTokens.class)
public class WxhubWxJavaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(WxMpConfigStorage.class)
	WxhubMpConfigStorage wxhubMpConfigStorage(WxhubTokens tokens, Environment environment) {
		Binder binder = Binder.get(environment);
		String appId = binder.bind("wx.mp.app-id", String.class)
			.orElseThrow(() -> new IllegalStateException(
					"wxhub.wxjava.enabled is true but wx.mp.app-id is not set: the AppID of the account to serve"));
		WxhubMpConfigStorage storage = new WxhubMpConfigStorage(tokens, appId);
		binder.bind("wx.mp.token", String.class).ifBound(storage::setToken);
		binder.bind("wx.mp.aes-key", String.class).ifBound(storage::setAesKey);
		String apiHost = binder.bind("wx.mp.hosts.api-host", String.class).orElse(null);
		if (apiHost != null) {
			storage.setHostConfig(new WxMpHostConfig(apiHost,
					binder.bind("wx.mp.hosts.open-host", String.class).orElse(WxMpHostConfig.OPEN_DEFAULT_HOST_URL),
					binder.bind("wx.mp.hosts.mp-host", String.class).orElse(WxMpHostConfig.MP_DEFAULT_HOST_URL)));
		}
		binder.bind("wx.mp.config-storage.http-proxy-host", String.class).ifBound(storage::setHttpProxyHost);
		binder.bind("wx.mp.config-storage.http-proxy-port", Integer.class).ifBound(storage::setHttpProxyPort);
		binder.bind("wx.mp.config-storage.http-proxy-username", String.class).ifBound(storage::setHttpProxyUsername);
		binder.bind("wx.mp.config-storage.http-proxy-password", String.class).ifBound(storage::setHttpProxyPassword);
		return storage;
	}

}

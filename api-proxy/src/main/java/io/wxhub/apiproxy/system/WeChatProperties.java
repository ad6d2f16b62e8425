package io.wxhub.apiproxy.system;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where WeChat is ({@code wechat.*}).
 *
 * @param apiBaseUrl root of WeChat's API; the sandbox's URL in development and tests
 */
@ConfigurationProperties("wechat")
@Validated
public record WeChatProperties(@DefaultValue("https://api.weixin.qq.com") @NotBlank String apiBaseUrl) {
}

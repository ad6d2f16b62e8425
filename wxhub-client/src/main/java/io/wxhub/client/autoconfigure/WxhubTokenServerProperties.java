package io.wxhub.client.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this application reaches wxhub's token server ({@code wxhub.token-server.*}). The
 * {@code WxhubTokens} bean exists once both the URLs and the client key are set.
 *
 * @param urls the token server's base URLs, such as http://token-server:8081: each
 * replica, or one load balancer in front of them; a request goes to the next when one
 * cannot be reached or fails with a 5xx
 * @param clientKey this application's client key at the token server, sent as
 * "Authorization: Bearer"; never logged
 * @param connectTimeout how long connecting to one token-server URL may take
 * @param readTimeout how long the token server may take to answer one request
 */
@ConfigurationProperties("wxhub.token-server")
public record WxhubTokenServerProperties(List<URI> urls, String clientKey, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout) {

	public WxhubTokenServerProperties {
		urls = (urls != null) ? List.copyOf(urls) : List.of();
	}

	@Override
	public String toString() {
		return "WxhubTokenServerProperties[urls=" + this.urls + ", connectTimeout=" + this.connectTimeout
				+ ", readTimeout=" + this.readTimeout + ", clientKey=***]";
	}

}

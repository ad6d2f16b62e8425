package io.wxhub.webauth.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the broker ({@code web-auth.*}).
 *
 * @param publicUrl the broker's public base URL, on the account's authorization domain
 * (WeChat sends followers back to {@code <publicUrl>/oauth2/{appId}/callback})
 * @param wechatOpenBaseUrl WeChat's authorization host ({@code open.weixin.qq.com}; the
 * sandbox locally)
 * @param signingKey the private key that signs the results: an EC P-256 JWK (JSON) with a
 * {@code kid}; a secret, from the environment ({@code WEB_AUTH_SIGNING_KEY})
 * @param tokenServer where codes are exchanged
 * @param apiProxy where {@code /sns/userinfo} is asked
 * @param clients the internal web apps that may use the broker
 * @param stateTtl how long a follower has between the redirect to WeChat and the way back
 * @param resultTtl the life of a result (5 minutes at most)
 * @param redisPrefix prefix of every Redis key
 * @param demoPage whether {@code /demo/page} shows a verified result (the demo profile)
 */
@ConfigurationProperties("web-auth")
@Validated
public record WebAuthProperties(@NotNull URI publicUrl,
		@DefaultValue("https://open.weixin.qq.com") @NotNull URI wechatOpenBaseUrl, @NotBlank String signingKey,
		@NotNull @Valid TokenServer tokenServer, @NotNull @Valid ApiProxy apiProxy,
		@NotEmpty @Valid List<Client> clients, @DefaultValue("10m") @NotNull Duration stateTtl,
		@DefaultValue("5m") @NotNull Duration resultTtl, @DefaultValue("wxhub") @NotBlank String redisPrefix,
		@DefaultValue("false") boolean demoPage) {

	public WebAuthProperties {
		if (resultTtl != null
				&& (resultTtl.isNegative() || resultTtl.isZero() || resultTtl.compareTo(Duration.ofMinutes(5)) > 0)) {
			throw new IllegalArgumentException("web-auth.result-ttl must be positive and at most 5 minutes");
		}
	}

	/** The client with this id. */
	public Optional<Client> client(String id) {
		return this.clients.stream().filter((client) -> client.id().equals(id)).findFirst();
	}

	/** The configuration without the signing key. */
	@Override
	public String toString() {
		return "WebAuthProperties[publicUrl=" + this.publicUrl + ", clients=" + this.clients + "]";
	}

	/**
	 * The token server, which exchanges codes with the AppSecret.
	 *
	 * @param url its base URL
	 * @param clientKey this broker's client key there (a secret)
	 */
	public record TokenServer(@NotNull URI url, @NotBlank String clientKey) {

		@Override
		public String toString() {
			return "TokenServer[url=" + this.url + "]";
		}

	}

	/**
	 * The api-proxy, through which {@code /sns/userinfo} reaches WeChat.
	 *
	 * @param url its base URL
	 */
	public record ApiProxy(@NotNull URI url) {
	}

	/**
	 * An internal web app.
	 *
	 * @param id its name in {@code client=}; the audience of its results
	 * @param returnTo the URL prefixes it may be sent back to (scheme, host, port and a
	 * path prefix each)
	 * @param apps the accounts it may authorize followers of
	 */
	public record Client(@NotBlank String id, @NotEmpty List<@NotBlank String> returnTo,
			@NotEmpty List<@NotBlank String> apps) {

		/**
		 * Whether {@code url} is under one of the registered prefixes: the same scheme,
		 * host and port, and a path that starts with the prefix's path (compared as
		 * parsed URIs, so that {@code https://app.example.com.evil.com} and
		 * {@code https://app.example.com@evil.com} are not under
		 * {@code https://app.example.com}).
		 */
		public boolean allowsReturnTo(URI url) {
			return this.returnTo.stream().map(URI::create).anyMatch((prefix) -> under(url, prefix));
		}

		private static boolean under(URI url, URI prefix) {
			if (url.getScheme() == null || url.getRawUserInfo() != null || url.getHost() == null
					|| url.getRawFragment() != null) {
				return false;
			}
			String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
			String prefixPath = (prefix.getRawPath() == null || prefix.getRawPath().isEmpty()) ? "/"
					: prefix.getRawPath();
			return url.getScheme().equalsIgnoreCase(prefix.getScheme())
					&& url.getHost().equalsIgnoreCase(prefix.getHost()) && port(url) == port(prefix)
					&& path.startsWith(prefixPath) && !path.contains("/../") && !path.endsWith("/..");
		}

		private static int port(URI url) {
			if (url.getPort() != -1) {
				return url.getPort();
			}
			return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
		}

	}

}

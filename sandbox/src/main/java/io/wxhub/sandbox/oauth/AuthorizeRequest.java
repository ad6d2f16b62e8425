package io.wxhub.sandbox.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import io.wxhub.sandbox.system.SandboxProperties.Account;

/**
 * A checked request of the web authorization page. WeChat's own checks, with the codes
 * its error page shows: 10012 no appid, 10011 no or a malformed {@code redirect_uri},
 * 10003 a {@code redirect_uri} outside the account's authorization domains, 10010 no
 * scope, 10005 a scope other than the two; an unknown appid is the sandbox's 40013.
 *
 * @param account the account
 * @param redirectUri where the follower goes next
 * @param scope the scope asked for
 * @param state the {@code state} to hand back, empty when none
 */
record AuthorizeRequest(Account account, String redirectUri, WebAuthScope scope, String state) {

	static AuthorizeRequest of(Function<String, Optional<Account>> accounts, String appid, String redirectUri,
			String responseType, String scope, String state) {
		if (isBlank(appid)) {
			throw new AuthorizePageException(10012, "appid参数错误");
		}
		Account account = accounts.apply(appid).orElseThrow(() -> new AuthorizePageException(40013, "appid无效"));
		URI target = redirectTarget(redirectUri);
		if (!account.webAuthDomains().isEmpty() && account.webAuthDomains()
			.stream()
			.noneMatch((domain) -> domain.strip().equalsIgnoreCase(target.getHost()))) {
			throw new AuthorizePageException(10003, "redirect_uri域名与后台配置不一致");
		}
		if (!"code".equals(responseType)) {
			throw new AuthorizePageException(null, "response_type参数错误");
		}
		if (isBlank(scope)) {
			throw new AuthorizePageException(10010, "scope不能为空");
		}
		WebAuthScope granted = WebAuthScope.of(scope)
			.orElseThrow(() -> new AuthorizePageException(10005, "此公众号并没有这些scope的权限"));
		return new AuthorizeRequest(account, redirectUri, granted, (state != null) ? state : "");
	}

	/**
	 * @param code the code, {@code null} when the follower refused
	 * @return the {@code redirect_uri} with {@code code} (if any) and {@code state} added
	 * to its query, before any fragment
	 */
	String redirectWith(String code) {
		int hash = this.redirectUri.indexOf('#');
		String base = (hash < 0) ? this.redirectUri : this.redirectUri.substring(0, hash);
		String fragment = (hash < 0) ? "" : this.redirectUri.substring(hash);
		StringBuilder uri = new StringBuilder(base);
		if (!base.contains("?")) {
			uri.append('?');
		}
		else if (!base.endsWith("?") && !base.endsWith("&")) {
			uri.append('&');
		}
		if (code != null) {
			uri.append("code=").append(encode(code)).append('&');
		}
		return uri.append("state=").append(encode(this.state)).append(fragment).toString();
	}

	private static URI redirectTarget(String redirectUri) {
		if (isBlank(redirectUri)) {
			throw new AuthorizePageException(10011, "redirect_uri参数错误");
		}
		try {
			URI uri = new URI(redirectUri);
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& !isBlank(uri.getHost())) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// answered below
		}
		throw new AuthorizePageException(10011, "redirect_uri参数错误");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}

package io.wxhub.apiproxy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follower on the sandbox's web authorization page ({@code open.weixin.qq.com}), over
 * plain HTTP as a browser without JavaScript: {@code snsapi_base} redirects at once,
 * {@code snsapi_userinfo} shows the consent form, which is posted back with "允许". The
 * code is read from the redirect, which is not followed.
 */
final class WebAuthorizationPage {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private static final Pattern CHECKED = Pattern
		.compile("<input type=\"radio\" name=\"openid\" id=\"[^\"]+\" value=\"([^\"]+)\" checked>");

	private WebAuthorizationPage() {
	}

	/** The authorization URL of WeChat's documentation, on the sandbox. */
	static String authorizeUrl(String sandboxUrl, String appId, String redirectUri, String scope) {
		return sandboxUrl + "/connect/oauth2/authorize?appid=" + appId + "&redirect_uri=" + encode(redirectUri)
				+ "&response_type=code&scope=" + scope + "&state=wxhub#wechat_redirect";
	}

	/**
	 * Opens an authorization URL, allows on the consent page if one is shown, and returns
	 * the code WeChat added to the redirect.
	 */
	static String code(String authorizeUrl) {
		// a fragment never leaves the browser
		URI uri = URI.create(authorizeUrl.replaceFirst("#.*$", ""));
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri).GET());
		if (page.statusCode() == 200) {
			Map<String, String> form = new LinkedHashMap<>();
			Matcher hidden = HIDDEN.matcher(page.body());
			while (hidden.find()) {
				form.put(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
			}
			Matcher signedIn = CHECKED.matcher(page.body());
			assertThat(signedIn.find()).as(page.body()).isTrue();
			form.put("openid", HtmlUtils.htmlUnescape(signedIn.group(1)));
			form.put("action", "allow");
			String body = form.entrySet()
				.stream()
				.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			page = send(HttpRequest.newBuilder(uri.resolve("authorize"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}
		assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
		String location = page.headers().firstValue("Location").orElseThrow();
		Matcher code = Pattern.compile("[?&]code=([^&#]+)").matcher(location);
		assertThat(code.find()).as(location).isTrue();
		return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

package io.wxhub.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the demo account's menu the way an internal app would: through the api-proxy,
 * with the demo client key as the "secret". The console then shows it under the chat, and
 * its click buttons reach the message-service's {@code menu-*} rules.
 */
final class DemoMenu {

	static final String MENU = """
			{"button":[
			 {"type":"click","name":"关于 wxhub","key":"WXHUB_ABOUT"},
			 {"name":"试一试","sub_button":[
			  {"type":"click","name":"查订单（慢）","key":"WXHUB_ORDER"},
			  {"type":"view","name":"网页授权演示","url":"%s/demo/"}]},
			 {"type":"view","name":"官网","url":"https://example.com/wxhub"}]}""";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ERRCODE = Pattern.compile("\"errcode\"\\s*:\\s*(-?\\d+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String apiProxy;

	DemoMenu(String apiProxy) {
		this.apiProxy = apiProxy;
	}

	/**
	 * @param appId the account
	 * @param clientKey its client key at the api-proxy
	 * @param webAuth the web-authorization broker's URL, for the view button
	 * @return {@code null} when created, else why not
	 */
	String create(String appId, String clientKey, String webAuth) throws InterruptedException {
		try {
			String token = get("/cgi-bin/token?grant_type=client_credential&appid=" + encode(appId) + "&secret="
					+ encode(clientKey));
			Matcher found = ACCESS_TOKEN.matcher(token);
			if (!found.find()) {
				return "no proxy token: " + errcode(token);
			}
			String answer = post("/cgi-bin/menu/create?access_token=" + encode(found.group(1)),
					MENU.formatted(webAuth));
			String errcode = errcode(answer);
			return "0".equals(errcode) ? null : "menu/create answered errcode " + errcode;
		}
		catch (IOException ex) {
			return ex.getClass().getSimpleName();
		}
	}

	private String get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.apiProxy + path)).GET());
	}

	private String post(String path, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.apiProxy + path))
			.header("Content-Type", "application/json;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	// only the errcode: an answer may carry a token, which is never printed
	private static String errcode(String answer) {
		Matcher found = ERRCODE.matcher(answer);
		return found.find() ? found.group(1) : "none";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

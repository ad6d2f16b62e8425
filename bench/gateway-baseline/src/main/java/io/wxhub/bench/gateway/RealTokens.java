package io.wxhub.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Each app's real access token, fetched once at start-up from the token-server. The
 * api-proxy reads it from the token-server's client with a near-cache; a fixed map is the
 * cheapest possible stand-in (it never refreshes, which a benchmark run does not need).
 */
@Component
class RealTokens {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private final Map<String, String> byApp;

	RealTokens(BaselineProperties properties) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		TreeSet<String> apps = new TreeSet<>();
		properties.clients().forEach((client) -> apps.addAll(client.apps()));
		Map<String, String> tokens = new HashMap<>();
		for (String app : apps) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(properties.tokenServer().url() + "/v1/apps/" + app + "/access-token"))
				.header("Authorization", "Bearer " + properties.tokenServer().clientKey())
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher token = ACCESS_TOKEN.matcher(response.body());
			if (response.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException("token-server answered " + response.statusCode() + " for " + app);
			}
			tokens.put(app, token.group(1));
		}
		this.byApp = Map.copyOf(tokens);
	}

	/** The app's real token, or null for an app this proxy does not serve. */
	String of(String appId) {
		return this.byApp.get(appId);
	}

}

package io.wxhub.tokenserver.upstream;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Map;

import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import io.wxhub.tokenserver.system.WeChatProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One call to WeChat's token endpoints: {@code GET /cgi-bin/token},
 * {@code POST /cgi-bin/stable_token} and {@code GET /cgi-bin/ticket/getticket}. No
 * retries here; the refresher decides those.
 */
@Component
public class WeChatTokenClient {

	private final RestClient rest;

	private final ObjectMapper json;

	public WeChatTokenClient(WeChatProperties wechat, TokenServerProperties properties, ObjectMapper json) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(properties.upstream().timeout()).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(properties.upstream().timeout());
		this.rest = RestClient.builder().baseUrl(wechat.apiBaseUrl()).requestFactory(factory).build();
		this.json = json;
	}

	/** Fetches a new access token for the app with its configured mode. */
	public IssuedToken fetchAccessToken(App app, boolean forceRefresh) {
		return switch (app.mode()) {
			case CLASSIC -> parse(call(this.rest.get()
				.uri("/cgi-bin/token?grant_type=client_credential&appid={appid}&secret={secret}", app.appId(),
						app.secret())),
					"access_token");
			case STABLE -> parse(call(this.rest.post()
				.uri("/cgi-bin/stable_token")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("grant_type", "client_credential", "appid", app.appId(), "secret", app.secret(),
						"force_refresh", forceRefresh))),
					"access_token");
		};
	}

	/** Fetches a jsapi ticket with the given access token. */
	public IssuedToken fetchJsapiTicket(String accessToken) {
		return parse(
				call(this.rest.get().uri("/cgi-bin/ticket/getticket?access_token={token}&type=jsapi", accessToken)),
				"ticket");
	}

	private String call(RestClient.RequestHeadersSpec<?> request) {
		try {
			return request.exchange((req, res) -> {
				if (res.getStatusCode().is5xxServerError()) {
					throw UpstreamException.transport("HTTP " + res.getStatusCode().value());
				}
				if (!res.getStatusCode().is2xxSuccessful()) {
					throw UpstreamException.transport("HTTP " + res.getStatusCode().value());
				}
				return new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			});
		}
		catch (RestClientException ex) {
			if (ex.getCause() instanceof UpstreamException upstream) {
				throw upstream;
			}
			throw UpstreamException.transport(describe(ex));
		}
	}

	private IssuedToken parse(String body, String field) {
		JsonNode node;
		try {
			node = this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			throw UpstreamException.transport("unparsable answer");
		}
		int errcode = node.path("errcode").asInt(0);
		if (errcode != 0) {
			throw UpstreamException.errcode(errcode, node.path("errmsg").asString(""));
		}
		String value = node.path(field).asString("");
		long expiresIn = node.path("expires_in").asLong(0);
		if (value.isEmpty() || expiresIn <= 0) {
			throw UpstreamException.transport("answer without " + field);
		}
		return new IssuedToken(value, expiresIn);
	}

	private static String describe(RestClientException ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return (root instanceof IOException) ? root.getClass().getSimpleName() : "transport failure";
	}

}

package io.wxhub.tokenserver.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.wxhub.domains.WeChatDomains;
import io.wxhub.protocol.error.WeChatError;
import io.wxhub.protocol.error.WeChatException;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One call to WeChat's token endpoints: {@code GET /cgi-bin/token},
 * {@code POST /cgi-bin/stable_token} and {@code GET /cgi-bin/ticket/getticket}, on
 * WeChat's current domain. No retries here, the refresher decides those; only a call
 * whose connection could not open moves to the next domain at once. WeChat's refusals,
 * and failures of the transport as {@code -1}, are thrown as {@link WeChatException}.
 */
@Component
public class WeChatTokenClient {

	private final RestClient rest;

	private final ObjectMapper json;

	public WeChatTokenClient(WeChatDomains domains, TokenServerProperties properties, ObjectMapper json) {
		this.rest = WeChatRest.create(domains, properties.upstream().timeout());
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

	/**
	 * Fetches a ticket with the given access token.
	 * @param type WeChat's ticket type ({@code jsapi}, {@code wx_card})
	 * @param accessToken a valid access token of the app
	 * @return the ticket
	 */
	public IssuedToken fetchTicket(String type, String accessToken) {
		return parse(call(
				this.rest.get().uri("/cgi-bin/ticket/getticket?access_token={token}&type={type}", accessToken, type)),
				"ticket");
	}

	/**
	 * Asks WeChat whether an access token is still accepted, with
	 * {@code GET /cgi-bin/get_api_domain_ip}: a call that spends none of the token quota.
	 * Returns when WeChat accepts the token.
	 * @param accessToken the token in question
	 * @throws WeChatException WeChat's refusal (40001, 40014, 42001 for a dead token), or
	 * {@code -1} when the transport failed
	 */
	public void checkAccessToken(String accessToken) {
		String body = call(this.rest.get().uri("/cgi-bin/get_api_domain_ip?access_token={token}", accessToken));
		WeChatError error;
		try {
			JsonNode node = this.json.readTree(body);
			error = new WeChatError(node.path("errcode").asInt(0), node.path("errmsg").asString(""));
		}
		catch (RuntimeException ex) {
			throw transportFailure("unparsable answer");
		}
		if (!error.isOk()) {
			throw new WeChatException(error);
		}
	}

	private String call(RestClient.RequestHeadersSpec<?> request) {
		try {
			return request.exchange((req, res) -> {
				if (!res.getStatusCode().is2xxSuccessful()) {
					throw transportFailure("HTTP " + res.getStatusCode().value());
				}
				return new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
			});
		}
		catch (RestClientException ex) {
			if (ex.getCause() instanceof WeChatException refused) {
				throw refused;
			}
			throw transportFailure(describe(ex));
		}
	}

	private IssuedToken parse(String body, String field) {
		JsonNode node;
		try {
			node = this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			throw transportFailure("unparsable answer");
		}
		WeChatError error = new WeChatError(node.path("errcode").asInt(0), node.path("errmsg").asString(""));
		if (!error.isOk()) {
			throw new WeChatException(error);
		}
		String value = node.path(field).asString("");
		long expiresIn = node.path("expires_in").asLong(0);
		if (value.isEmpty() || expiresIn <= 0) {
			throw transportFailure("answer without " + field);
		}
		return new IssuedToken(value, expiresIn);
	}

	/**
	 * A failure WeChat did not answer with an errcode (5xx, timeout, refused connection,
	 * unreadable body): reported as {@code -1}, which is retried like WeChat's own.
	 */
	private static WeChatException transportFailure(String what) {
		return new WeChatException(WeChatError.systemError(what));
	}

	private static String describe(RestClientException ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return (root instanceof IOException) ? root.getClass().getSimpleName() : "transport failure";
	}

}

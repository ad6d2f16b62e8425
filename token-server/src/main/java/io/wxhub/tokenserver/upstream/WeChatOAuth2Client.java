package io.wxhub.tokenserver.upstream;

import io.wxhub.domains.CallOutcome;
import io.wxhub.domains.WeChatDomains;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * WeChat's web authorization code exchange, {@code GET /sns/oauth2/access_token}, made
 * with the app's AppSecret on WeChat's current domain. A code can be used once: the call
 * moves to another domain only when its connection never opened, and is never sent again
 * once it may have reached WeChat. WeChat's answer comes back as WeChat wrote it, its
 * errcodes included.
 */
@Component
public class WeChatOAuth2Client {

	private final RestClient rest;

	private final ObjectMapper json;

	public WeChatOAuth2Client(WeChatDomains domains, TokenServerProperties properties, ObjectMapper json) {
		this.rest = WeChatRest.create(domains, properties.upstream().timeout());
		this.json = json;
	}

	/**
	 * Exchanges a code for the user's access token.
	 * @param app the app, with its AppSecret
	 * @param code the code WeChat gave the user's browser
	 * @return WeChat's answer
	 * @throws WeChatUnavailableException when WeChat gave no usable answer
	 */
	public CodeExchangeAnswer exchangeCode(App app, String code) {
		byte[] body;
		try {
			body = this.rest.get()
				.uri("/sns/oauth2/access_token?appid={appid}&secret={secret}&code={code}"
						+ "&grant_type=authorization_code", app.appId(), app.secret(), code)
				.exchange((request, response) -> {
					if (!response.getStatusCode().is2xxSuccessful()) {
						throw new WeChatUnavailableException(false,
								"WeChat answered HTTP " + response.getStatusCode().value());
					}
					return response.getBody().readAllBytes();
				});
		}
		catch (RestClientException ex) {
			// Its message names the URL, secret and code included: never passed on.
			if (ex.getCause() instanceof WeChatUnavailableException known) {
				throw known;
			}
			CallOutcome outcome = CallOutcome.ofFailure(ex);
			throw new WeChatUnavailableException(outcome == CallOutcome.TIMEOUT,
					"No answer from WeChat (" + outcome.tag() + ")");
		}
		return new CodeExchangeAnswer(body, errcode(body));
	}

	private int errcode(byte[] body) {
		JsonNode node;
		try {
			node = this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			throw new WeChatUnavailableException(false, "WeChat's answer is no JSON object");
		}
		return node.path("errcode").asInt(0);
	}

}

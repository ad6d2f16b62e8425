package io.wxhub.webauth.broker;

import java.time.Duration;
import java.util.Map;

import io.wxhub.webauth.system.WebAuthProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Who the follower is: the code exchanged at the token server (which holds the
 * AppSecret), and for {@code snsapi_userinfo} the profile from {@code /sns/userinfo}
 * through the api-proxy. WeChat's refusals of a code (40029 invalid, 40163 already used,
 * …) become refusals with WeChat's errcode; neither the code nor the follower's tokens
 * are ever logged or kept.
 */
@Component
class FollowerLookup {

	private final RestClient tokenServer;

	private final RestClient apiProxy;

	FollowerLookup(RestClient.Builder builder, WebAuthProperties properties) {
		// a follower waits on these calls: bounded well under the gateway's 30 s
		SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(Duration.ofSeconds(2));
		timeouts.setReadTimeout(Duration.ofSeconds(10));
		builder = builder.clone().requestFactory(timeouts);
		this.tokenServer = builder.clone()
			.baseUrl(properties.tokenServer().url().toString())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.tokenServer().clientKey())
			.build();
		this.apiProxy = builder.clone().baseUrl(properties.apiProxy().url().toString()).build();
	}

	/** WeChat's answer to the code: openid, scope, unionid when there is one, tokens. */
	JsonNode exchange(String appId, String code) {
		JsonNode answer = call(() -> this.tokenServer.post()
			.uri("/v1/apps/{appId}/oauth2/access-token", appId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("code", code))
			.retrieve()
			.body(JsonNode.class));
		return checked(answer);
	}

	/** The follower's profile ({@code snsapi_userinfo} only). */
	JsonNode userInfo(String accessToken, String openid) {
		return checked(call(() -> this.apiProxy.get()
			.uri("/sns/userinfo?access_token={token}&openid={openid}&lang=zh_CN", accessToken, openid)
			.retrieve()
			.body(JsonNode.class)));
	}

	private static JsonNode checked(JsonNode answer) {
		int errcode = (answer != null) ? answer.path("errcode").asInt(0) : -1;
		if (answer == null || errcode != 0) {
			String errmsg = (answer != null) ? answer.path("errmsg").asString("") : "";
			throw new Refusal(HttpStatus.BAD_REQUEST, "wechat-refused", "WeChat refused the sign-in",
					"WeChat answered " + errcode + " (" + errmsg + "). Start again from the page you came from.",
					errcode);
		}
		return answer;
	}

	private static JsonNode call(java.util.function.Supplier<JsonNode> call) {
		try {
			return call.get();
		}
		catch (RestClientException ex) {
			// the exception's message may hold the URL, and so the follower's token
			throw new Refusal(HttpStatus.BAD_GATEWAY, "upstream-unavailable", "Sign-in unavailable",
					"WeChat could not be reached. Try again in a moment.");
		}
	}

}

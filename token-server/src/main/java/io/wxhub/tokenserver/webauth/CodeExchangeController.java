package io.wxhub.tokenserver.webauth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxhub.tokenserver.client.CallerKeys;
import io.wxhub.tokenserver.system.TokenServerProperties;
import io.wxhub.tokenserver.system.TokenServerProperties.App;
import io.wxhub.tokenserver.upstream.CodeExchangeAnswer;
import io.wxhub.tokenserver.upstream.WeChatOAuth2Client;
import io.wxhub.tokenserver.upstream.WeChatUnavailableException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web authorization (网页授权) for internal callers: the code a page received is exchanged at
 * WeChat with the app's AppSecret, which never leaves this server, and WeChat's answer
 * comes back unchanged, refusals included, so that callers see WeChat's own words. Never
 * logs the code or the user's tokens.
 */
@RestController
@Tag(name = "web authorization")
class CodeExchangeController {

	private static final Logger log = LoggerFactory.getLogger(CodeExchangeController.class);

	private final CallerKeys callers;

	private final TokenServerProperties properties;

	private final WeChatOAuth2Client wechat;

	private final CodeExchangeMetrics metrics;

	CodeExchangeController(CallerKeys callers, TokenServerProperties properties, WeChatOAuth2Client wechat,
			CodeExchangeMetrics metrics) {
		this.callers = callers;
		this.properties = properties;
		this.wechat = wechat;
		this.metrics = metrics;
	}

	@Operation(operationId = "exchangeOAuth2Code", summary = "Exchange a web authorization code",
			description = "WeChat's /sns/oauth2/access_token, made with the app's AppSecret. The answer is WeChat's "
					+ "JSON as WeChat wrote it, with HTTP 200 also when WeChat refused (40029 invalid code, "
					+ "40163 code been used…). A code can be used once: it is sent to WeChat once, never again on "
					+ "another domain once it may have reached WeChat.")
	@ApiResponse(responseCode = "200",
			description = "WeChat's answer: the user's access_token, refresh_token, openid, scope (unionid when the "
					+ "account has one), or WeChat's errcode and errmsg",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(oneOf = { UserAccessToken.class, WeChatRefusal.class })))
	@ApiResponse(responseCode = "502", ref = "WeChatUnreachable")
	@ApiResponse(responseCode = "504", ref = "WeChatTimeout")
	@PostMapping("/v1/apps/{appId}/oauth2/access-token")
	ResponseEntity<byte[]> exchange(@PathVariable String appId,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization,
			@Valid @RequestBody CodeRequest request) {
		this.callers.authorize(authorization, appId);
		App app = this.properties.app(appId).orElseThrow();
		long started = System.nanoTime();
		CodeExchangeAnswer answer;
		try {
			answer = this.wechat.exchangeCode(app, request.code());
		}
		catch (WeChatUnavailableException ex) {
			this.metrics.failed(appId, ex.timedOut(), started);
			log.warn("Code exchange of app {} failed: {}", appId, ex.getMessage());
			throw ex;
		}
		this.metrics.answered(appId, answer.errcode(), started);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

	/**
	 * The code to exchange.
	 *
	 * @param code the {@code code} WeChat added to the page's {@code redirect_uri}
	 */
	record CodeRequest(@Schema(description = "The code WeChat added to the page's redirect_uri",
			example = "EXAMPLE_CODE") @NotBlank @Size(max = 512) String code) {

		@Override
		public String toString() {
			return "CodeRequest[code=***]";
		}

	}

}

package io.wxhub.tokenserver.token;

import java.net.URI;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxhub.protocol.signature.JsSdkSignature;
import io.wxhub.protocol.signature.Nonces;
import io.wxhub.tokenserver.client.CallerKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Ready-made {@code wx.config} signatures for a page URL, made with the jsapi ticket. */
@RestController
@RequestMapping("/v1/apps/{appId}")
@Tag(name = "tickets")
class JsapiController {

	private final TokenService tokens;

	private final CallerKeys callers;

	private final Clock clock;

	JsapiController(TokenService tokens, CallerKeys callers, Clock clock) {
		this.tokens = tokens;
		this.callers = callers;
		this.clock = clock;
	}

	@Operation(operationId = "signJsapi", summary = "A wx.config signature for a page URL",
			description = "Signed with the app's current jsapi ticket, a fresh nonce and the current time.")
	@PostMapping("/jsapi-signature")
	SignatureResponse signature(@PathVariable String appId,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization,
			@Valid @RequestBody SignatureRequest request) {
		this.callers.authorize(authorization, appId);
		try {
			URI.create(request.url());
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "url is not a valid URL");
		}
		StoredToken ticket = this.tokens.get(new TokenKey(appId, TokenKind.JSAPI_TICKET));
		long timestamp = this.clock.instant().getEpochSecond();
		String nonce = Nonces.next();
		return new SignatureResponse(appId, timestamp, nonce,
				JsSdkSignature.sign(ticket.value(), nonce, timestamp, request.url()));
	}

	/**
	 * The page to sign for.
	 *
	 * @param url the full page URL (a {@code #fragment} is ignored, as WeChat requires)
	 */
	record SignatureRequest(@Schema(description = "The full page URL; a #fragment is ignored",
			example = "https://example.com/page?x=1") @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+",
					message = "must be an absolute http(s) URL") String url) {
	}

	/** What {@code wx.config} needs besides the appId. */
	@Schema(description = "What wx.config needs: appId, timestamp, nonceStr, signature",
			requiredProperties = { "appId", "timestamp", "nonceStr", "signature" })
	record SignatureResponse(@Schema(description = "The app", example = "wx0123456789abcdef") String appId,
			@Schema(description = "Seconds since the epoch", example = "1772352000") long timestamp,
			@Schema(description = "A random string", example = "Wm3WZYTPz0wzccnW") String nonceStr,
			@Schema(description = "SHA-1 of the ticket, nonceStr, timestamp and url, in hex",
					example = "0f9de62fce790f9a083d5c99e95740ceb90c27ed") String signature) {
	}

}

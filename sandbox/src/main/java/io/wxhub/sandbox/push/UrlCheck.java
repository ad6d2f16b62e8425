package io.wxhub.sandbox.push;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import io.wxhub.protocol.signature.WeChatSignature;
import io.wxhub.sandbox.push.CallbackClient.Answer;
import io.wxhub.sandbox.system.SandboxProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The check WeChat's console runs when a server URL is saved:
 * {@code GET url?signature&echostr&timestamp&nonce} with a random numeric
 * {@code echostr}, which must come back as the whole body of a 2xx answer. The
 * {@code timestamp} is the real time, whatever the sandbox clock says.
 */
@Component
class UrlCheck {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CallbackClient client;

	private final Duration timeout;

	private final Clock clock = Clock.systemUTC();

	UrlCheck(CallbackClient client, SandboxProperties properties) {
		this.client = client;
		this.timeout = properties.push().timeout();
	}

	/**
	 * @param url the server URL
	 * @param token the Token that signs the request
	 * @return the outcome
	 */
	Result check(String url, String token) {
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		String nonce = SignedPush.nonce();
		// 19 digits, like WeChat's
		String echostr = Long.toString(1_000_000_000_000_000_000L + RANDOM.nextLong(8_000_000_000_000_000_000L));
		URI uri = UriComponentsBuilder.fromUriString(url)
			.queryParam("signature", WeChatSignature.sign(token, timestamp, nonce))
			.queryParam("echostr", echostr)
			.queryParam("timestamp", timestamp)
			.queryParam("nonce", nonce)
			.encode()
			.build()
			.toUri();
		Answer answer = this.client.get(uri, this.timeout);
		String body = answer.text();
		return new Result(answer.isSuccess() && echostr.equals(body), answer.status(), echostr, body, answer.error());
	}

	/**
	 * The outcome of a URL check.
	 *
	 * @param ok whether the answer was 2xx with exactly {@code echostr} as its body
	 * @param status the HTTP status, {@code null} without an answer
	 * @param echostr the {@code echostr} sent
	 * @param body the answer's body, {@code null} without an answer
	 * @param error why there was no answer, absent with one
	 */
	record Result(boolean ok, Integer status, String echostr, String body,
			@JsonInclude(Include.NON_NULL) String error) {

	}

}

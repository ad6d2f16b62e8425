package io.wxhub.apiproxy.forward;

import java.io.IOException;
import java.util.List;

import io.wxhub.apiproxy.tokens.AccessTokens;
import io.wxhub.protocol.error.WeChatErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Forwards a checked call and handles WeChat's answers: on 40001/40014/42001 it has the
 * token server compare-and-refresh the rejected token and retries once; on -1 it retries
 * a GET once. JSON answers (small) are read to find the errcode; anything else (media
 * downloads) is streamed.
 */
@Component
class Forwarder {

	/** JSON answers larger than this are streamed without looking for an errcode. */
	private static final int INSPECTED_LIMIT = 1 << 20;

	private final UpstreamCall upstream;

	private final AccessTokens accessTokens;

	private final ObjectMapper json;

	Forwarder(UpstreamCall upstream, AccessTokens accessTokens, ObjectMapper json) {
		this.upstream = upstream;
		this.accessTokens = accessTokens;
		this.json = json;
	}

	/**
	 * WeChat's final answer: status, headers and either the bytes read or the live
	 * stream.
	 */
	Answer forward(String appId, String method, String path, List<String> query, List<String[]> headers,
			RequestBody body) throws IOException {
		String token = this.accessTokens.current(appId);
		Answer first = inspect(this.upstream.send(method, path, query, token, headers, body));
		if (isTokenRejection(first.errcode())) {
			token = this.accessTokens.replaceRejected(appId, token);
			return inspect(this.upstream.send(method, path, query, token, headers, body)).asRetry();
		}
		if (first.errcode() == -1 && method.equals("GET")) {
			return inspect(this.upstream.send(method, path, query, token, headers, body)).asRetry();
		}
		return first;
	}

	private Answer inspect(UpstreamResponse response) throws IOException {
		String type = String.valueOf(response.header("Content-Type"));
		String declared = response.header("Content-Length");
		long length = (declared != null) ? Long.parseLong(declared.trim()) : -1;
		boolean jsonLike = type.contains("json") || type.startsWith("text/plain");
		if (!jsonLike || length > INSPECTED_LIMIT) {
			return new Answer(response, null, 0, false);
		}
		byte[] bytes;
		try (response) {
			bytes = response.body().readNBytes(INSPECTED_LIMIT);
		}
		return new Answer(response, bytes, errcodeOf(bytes), false);
	}

	private int errcodeOf(byte[] bytes) {
		try {
			JsonNode node = this.json.readTree(bytes);
			return node.path("errcode").asInt(0);
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	private static boolean isTokenRejection(int errcode) {
		return WeChatErrorCode.of(errcode).map(WeChatErrorCode::isTokenInvalid).orElse(false);
	}

	/**
	 * WeChat's answer.
	 *
	 * @param response status and headers (and the live body when {@code bytes} is null)
	 * @param bytes the body when it was read for inspection
	 * @param errcode WeChat's errcode, 0 when none or not inspected
	 * @param retried whether a second attempt was made
	 */
	record Answer(UpstreamResponse response, byte[] bytes, int errcode, boolean retried) {

		Answer asRetry() {
			return new Answer(this.response, this.bytes, this.errcode, true);
		}

	}

}

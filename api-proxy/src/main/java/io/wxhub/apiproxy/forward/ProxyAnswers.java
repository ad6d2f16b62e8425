package io.wxhub.apiproxy.forward;

import io.wxhub.apiproxy.system.ProblemJson;
import io.wxhub.apiproxy.system.WeChatRefusal;
import io.wxhub.protocol.error.WeChatErrorCode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Answers the proxy makes itself on a forwarded path: refusals in WeChat's shape (HTTP
 * 200) and problems for failures that are not WeChat's answer.
 */
final class ProxyAnswers {

	private ProxyAnswers() {
	}

	static Mono<ServerResponse> refusal(WeChatErrorCode code, String reason) {
		return ServerResponse.ok()
			.header(WeChatRefusal.REASON_HEADER, reason)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(WeChatRefusal.body(code));
	}

	static Mono<ServerResponse> problem(int status, String type, String title, String detail, String path) {
		return problem(status, type, title, detail, path, HttpHeaders.EMPTY);
	}

	static Mono<ServerResponse> problem(int status, String type, String title, String detail, String path,
			HttpHeaders extra) {
		byte[] body = ProblemJson.body(status, type, title, detail, path);
		return ServerResponse.status(status)
			.headers((headers) -> headers.addAll(extra))
			.contentType(ProblemJson.MEDIA_TYPE)
			.contentLength(body.length)
			.bodyValue(body);
	}

}

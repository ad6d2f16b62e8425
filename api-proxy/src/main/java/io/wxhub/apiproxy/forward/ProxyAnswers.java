package io.wxhub.apiproxy.forward;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.wxhub.apiproxy.system.ProblemJson;
import io.wxhub.apiproxy.system.WeChatRefusal;
import io.wxhub.protocol.error.WeChatErrorCode;

/**
 * Answers the proxy makes itself on a forwarded path: refusals in WeChat's shape (HTTP
 * 200) and problems for failures that are not WeChat's answer.
 */
final class ProxyAnswers {

	private ProxyAnswers() {
	}

	static Answer refusal(WeChatErrorCode code, String reason) {
		HttpHeaders headers = new DefaultHttpHeaders().set(WeChatRefusal.REASON_HEADER, reason)
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
		return new Answer.Whole(200, headers, WeChatRefusal.bytes(code));
	}

	static Answer problem(int status, String type, String title, String detail, String path) {
		return problem(status, type, title, detail, path, new DefaultHttpHeaders());
	}

	/** A problem with {@code headers} besides its content type. */
	static Answer problem(int status, String type, String title, String detail, String path, HttpHeaders headers) {
		headers.set(HttpHeaderNames.CONTENT_TYPE, ProblemJson.MEDIA_TYPE.toString());
		return new Answer.Whole(status, headers, ProblemJson.body(status, type, title, detail, path));
	}

}

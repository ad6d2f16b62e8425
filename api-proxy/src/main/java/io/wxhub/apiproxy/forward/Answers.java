package io.wxhub.apiproxy.forward;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Answers the proxy makes itself: refusals in WeChat's shape (HTTP 200,
 * {@code errcode}/{@code errmsg}, plus {@code X-Wxhub-Reason}) so SDKs handle them as
 * WeChat's, and {@code application/problem+json} for failures that are not WeChat's
 * answer.
 */
final class Answers {

	private static final String PROBLEM_TYPE_BASE = "urn:wxhub:problem:";

	private Answers() {
	}

	static FullHttpResponse refusal(int errcode, String errmsg, String reason) {
		FullHttpResponse response = json(HttpResponseStatus.OK, "application/json;charset=UTF-8",
				"{\"errcode\":" + errcode + ",\"errmsg\":" + quote(errmsg) + "}");
		response.headers().set(WeChatRefusal.REASON_HEADER, reason);
		return response;
	}

	static FullHttpResponse problem(ProxyProblem problem, String instance) {
		return problem(problem.status().value(), problem.type(), problem.title(), problem.getMessage(), instance);
	}

	static FullHttpResponse problem(int status, String type, String title, String detail, String instance) {
		String body = "{\"type\":" + quote(PROBLEM_TYPE_BASE + type) + ",\"title\":" + quote(title) + ",\"status\":"
				+ status + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(instance) + "}";
		return json(HttpResponseStatus.valueOf(status), "application/problem+json", body);
	}

	private static FullHttpResponse json(HttpResponseStatus status, String contentType, String body) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
				Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, contentType)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
		return response;
	}

	/** A JSON string literal; control characters and non-ASCII are escaped. */
	static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}

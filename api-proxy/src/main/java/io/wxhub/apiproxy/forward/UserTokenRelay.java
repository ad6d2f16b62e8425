package io.wxhub.apiproxy.forward;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * The web authorization calls made with a user's token
 * ({@code /sns/oauth2/refresh_token}, {@code /sns/userinfo}, {@code /sns/auth}): sent to
 * WeChat as they came, query and body untouched, and WeChat's answer passed back. No
 * proxy token is asked for, and the user's token is never swapped, checked against the
 * proxy's, or logged: the audit line names the path, and the app when a configured one
 * refreshes.
 */
final class UserTokenRelay {

	private final WeChatClient wechat;

	private final Audit audit;

	private final Set<String> apps;

	private final long readTimeoutMillis;

	/**
	 * @param apps the apps of the configured clients: an {@code appid} among them names
	 * the app in the audit line and metrics
	 */
	UserTokenRelay(WeChatClient wechat, Audit audit, Set<String> apps, long readTimeoutMillis) {
		this.wechat = wechat;
		this.audit = audit;
		this.apps = apps;
		this.readTimeoutMillis = readTimeoutMillis;
	}

	Mono<Answer> relay(RequestTarget target, String method, HttpHeaders headers, byte[] body, long started) {
		String uri = target.rawPath() + ((target.rawQuery() != null) ? "?" + target.rawQuery() : "");
		String app = app(target.rawQuery());
		return this.wechat.send(method, uri, headers, body)
			.map((answer) -> answered(target.rawPath(), app, method, answer, started))
			.onErrorResume(UpstreamFailure.class,
					(failure) -> Mono.just(failed(target.rawPath(), app, method, failure, started)));
	}

	private Answer answered(String path, String app, String method, Answer answer, long started) {
		if (answer instanceof Answer.Streamed streamed) {
			Flux<ByteBuf> body = streamed.body()
				.doFinally((signal) -> record(path, app, method, (signal == SignalType.ON_COMPLETE) ? "ok" : "failed",
						(signal == SignalType.ON_COMPLETE) ? 0 : -1, streamed.status(), started));
			return new Answer.Streamed(streamed.status(), streamed.headers(), streamed.length(), body);
		}
		int errcode = ErrcodeCheck.errcode(((Answer.Whole) answer).body());
		record(path, app, method, (errcode == 0) ? "ok" : "wechat_error", errcode, answer.status(), started);
		return answer;
	}

	private Answer failed(String path, String app, String method, UpstreamFailure failure, long started) {
		boolean timeout = failure.kind() == UpstreamFailure.Kind.TIMEOUT;
		record(path, app, method, "failed", -1, timeout ? 504 : 502, started);
		return timeout
				? ProxyAnswers.problem(504, "upstream-timeout", "WeChat did not answer in time",
						"No answer within " + this.readTimeoutMillis + " ms", path)
				: ProxyAnswers.problem(502, "upstream-unreachable", "WeChat is unreachable",
						"The connection to WeChat failed", path);
	}

	private void record(String path, String app, String method, String outcome, int errcode, int status, long started) {
		this.audit.record("-", app, path, method, outcome, errcode, status, false, started);
	}

	/** The configured app a refresh names, else {@code -}. */
	private String app(String rawQuery) {
		if (rawQuery != null) {
			for (String part : rawQuery.split("&")) {
				if (part.startsWith("appid=")) {
					return this.apps.contains(decode(part.substring(6))) ? decode(part.substring(6)) : "-";
				}
			}
		}
		return "-";
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "-";
		}
	}

}

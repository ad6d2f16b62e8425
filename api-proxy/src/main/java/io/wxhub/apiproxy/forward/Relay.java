package io.wxhub.apiproxy.forward;

import java.util.concurrent.Callable;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.wxhub.apiproxy.tokens.AccessTokens;
import io.wxhub.apiproxy.tokens.TokenUnavailableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;

/**
 * An admitted call sent to WeChat with the real token, and WeChat's answer passed back.
 * On 40001/40014/42001 the token server compare-and-refreshes the rejected token and the
 * call is sent once more; a GET answered -1 is sent once more. Asking the token server
 * blocks, so it never runs on an event loop.
 */
final class Relay {

	private final WeChatClient wechat;

	private final AccessTokens tokens;

	private final Audit audit;

	private final long readTimeoutMillis;

	Relay(WeChatClient wechat, AccessTokens tokens, Audit audit, long readTimeoutMillis) {
		this.wechat = wechat;
		this.tokens = tokens;
		this.audit = audit;
		this.readTimeoutMillis = readTimeoutMillis;
	}

	Mono<Answer> forward(ForwardedCall call) {
		String cached = this.tokens.cached(call.appId());
		if (cached != null) {
			return send(call, cached, false);
		}
		return offLoop(() -> this.tokens.current(call.appId())).flatMap((token) -> send(call, token, false))
			.onErrorResume(TokenUnavailableException.class, (ex) -> noToken(call, ex, false));
	}

	private Mono<Answer> send(ForwardedCall call, String token, boolean retried) {
		return this.wechat.send(call.method(), call.uri(token), call.headers(), call.body())
			.flatMap((answer) -> answered(call, token, retried, answer))
			.onErrorResume(UpstreamFailure.class, (failure) -> failed(call, failure, retried));
	}

	private Mono<Answer> answered(ForwardedCall call, String token, boolean retried, Answer answer) {
		if (answer instanceof Answer.Streamed streamed) {
			return streamed(call, streamed, retried);
		}
		Answer.Whole whole = (Answer.Whole) answer;
		int errcode = ErrcodeCheck.errcode(whole.body());
		if (!retried && ErrcodeCheck.isTokenRejection(errcode)) {
			return offLoop(() -> this.tokens.replaceRejected(call.appId(), token))
				.flatMap((fresh) -> send(call, fresh, true))
				.onErrorResume(TokenUnavailableException.class, (ex) -> noToken(call, ex, true));
		}
		if (!retried && errcode == -1 && "GET".equals(call.method())) {
			return send(call, token, true);
		}
		// Audited before the answer leaves, so the line exists once the caller has it.
		record(call, (errcode == 0) ? "ok" : "wechat_error", errcode, whole.status(), retried);
		return Mono.just(whole);
	}

	private Mono<Answer> streamed(ForwardedCall call, Answer.Streamed answer, boolean retried) {
		Flux<ByteBuf> body = answer.body()
			.doFinally((signal) -> record(call, (signal == SignalType.ON_COMPLETE) ? "ok" : "failed",
					(signal == SignalType.ON_COMPLETE) ? 0 : -1, answer.status(), retried));
		return Mono.just(new Answer.Streamed(answer.status(), answer.headers(), answer.length(), body));
	}

	private Mono<Answer> failed(ForwardedCall call, UpstreamFailure failure, boolean retried) {
		int status = (failure.kind() == UpstreamFailure.Kind.TIMEOUT) ? 504 : 502;
		record(call, "failed", -1, status, retried);
		String path = call.admitted().path();
		if (status == 504) {
			return Mono.just(ProxyAnswers.problem(504, "upstream-timeout", "WeChat did not answer in time",
					"No answer within " + this.readTimeoutMillis + " ms", path));
		}
		return Mono.just(ProxyAnswers.problem(502, "upstream-unreachable", "WeChat is unreachable",
				"The connection to WeChat failed", path));
	}

	private Mono<Answer> noToken(ForwardedCall call, TokenUnavailableException ex, boolean retried) {
		record(call, "failed", -1, 503, retried);
		return Mono.just(ProxyAnswers.problem(503, "no-access-token", "No access token available", ex.getMessage(),
				call.admitted().path(), new DefaultHttpHeaders().set(HttpHeaderNames.RETRY_AFTER, "1")));
	}

	private void record(ForwardedCall call, String outcome, int errcode, int status, boolean retried) {
		this.audit.record(call.admitted().clientId(), call.appId(), call.admitted().path(), call.method(), outcome,
				errcode, status, retried, call.started());
	}

	/** A blocking step (the token server) on a thread that may block. */
	private static <T> Mono<T> offLoop(Callable<T> step) {
		return Mono.fromCallable(step)
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap((ex) -> !(ex instanceof TokenUnavailableException), (ex) -> new TokenUnavailableException(-1));
	}

}

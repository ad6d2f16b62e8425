package io.wxhub.apiproxy.forward;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.wxhub.apiproxy.admission.Admission;
import io.wxhub.apiproxy.admission.CodeExchangeQuery;
import io.wxhub.apiproxy.admission.Decision;
import io.wxhub.apiproxy.tokens.CodeExchangeException;
import io.wxhub.apiproxy.tokens.CodeExchanges;
import io.wxhub.protocol.error.WeChatErrorCode;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Web authorization's code exchange ({@code /sns/oauth2/access_token}) with a client key
 * as the "secret": admitted like the credential exchange and like any call (path
 * permission, rate limit), then made by the token server with the real AppSecret, and
 * WeChat's answer passed back as WeChat wrote it, refusals (40029, 40163…) included.
 */
final class CodeExchangeRelay {

	private final Admission admission;

	private final CodeExchanges exchanges;

	private final Audit audit;

	CodeExchangeRelay(Admission admission, CodeExchanges exchanges, Audit audit) {
		this.admission = admission;
		this.exchanges = exchanges;
		this.audit = audit;
	}

	Mono<Answer> exchange(HttpServerRequest request, RequestTarget target, String method, long started) {
		CodeExchangeQuery query = CodeExchangeQuery.of(target.rawQuery());
		return ForwardRoute.onCallersLoop(request, this.admission.decideCodeExchange(target.rawPath(), query))
			.flatMap((decision) -> {
				if (decision instanceof Decision.Refused refused) {
					this.audit.refused(refused, method, started);
					return Mono.just(ProxyAnswers.refusal(refused.code(), refused.reason()));
				}
				Decision.Admitted admitted = (Decision.Admitted) decision;
				if (query.code() == null || query.code().isBlank()) {
					record(admitted, method, "refused", WeChatErrorCode.CODE_MISSING.code(), 200, started);
					return Mono.just(ProxyAnswers.refusal(WeChatErrorCode.CODE_MISSING, "code-missing"));
				}
				// the token server blocks: never on an event loop
				return Mono.fromCallable(() -> this.exchanges.exchange(admitted.appId(), query.code()))
					.subscribeOn(Schedulers.boundedElastic())
					.map((body) -> answered(admitted, method, body, started))
					.onErrorResume(CodeExchangeException.class,
							(ex) -> Mono.just(failed(admitted, method, ex, started)));
			});
	}

	private Answer answered(Decision.Admitted call, String method, byte[] body, long started) {
		int errcode = ErrcodeCheck.errcode(body);
		record(call, method, (errcode == 0) ? "ok" : "wechat_error", errcode, 200, started);
		return new Answer.Whole(200,
				new DefaultHttpHeaders().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON), body);
	}

	private Answer failed(Decision.Admitted call, String method, CodeExchangeException ex, long started) {
		int status = switch (ex.tokenServerStatus()) {
			case 502, 504 -> ex.tokenServerStatus();
			default -> 503;
		};
		record(call, method, "failed", -1, status, started);
		return switch (status) {
			case 504 -> ProxyAnswers.problem(504, "upstream-timeout", "WeChat did not answer in time",
					"The token server's call to WeChat timed out", call.path());
			case 502 -> ProxyAnswers.problem(502, "upstream-unreachable", "WeChat is unreachable",
					"The token server got no answer from WeChat", call.path());
			default -> ProxyAnswers.problem(503, "token-server-unavailable", "The token server gave no answer",
					ex.getMessage(), call.path());
		};
	}

	private void record(Decision.Admitted call, String method, String outcome, int errcode, int status, long started) {
		this.audit.record(call.clientId(), call.appId(), call.path(), method, outcome, errcode, status, false, started);
	}

}

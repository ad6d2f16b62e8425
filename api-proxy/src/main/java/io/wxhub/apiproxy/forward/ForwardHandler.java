package io.wxhub.apiproxy.forward;

import java.net.URI;

import io.wxhub.apiproxy.admission.Admission;
import io.wxhub.apiproxy.admission.Decision;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A call to one of WeChat's APIs: its body read (bounded), admitted or refused, then
 * relayed to WeChat.
 */
final class ForwardHandler implements HandlerFunction<ServerResponse> {

	private final Admission admission;

	private final Relay relay;

	private final Audit audit;

	private final long maxBody;

	ForwardHandler(Admission admission, Relay relay, Audit audit, long maxBody) {
		this.admission = admission;
		this.relay = relay;
		this.audit = audit;
		this.maxBody = maxBody;
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		long started = System.nanoTime();
		URI uri = request.uri();
		String rawPath = uri.getRawPath();
		return BoundedBody.read(request.exchange().getRequest().getBody(), this.maxBody).flatMap((body) -> {
			if (body.tooLarge()) {
				return ProxyAnswers.problem(413, "body-too-large", "Request body too large",
						"Request bodies are limited to " + this.maxBody + " bytes", rawPath);
			}
			return Mono.fromCompletionStage(this.admission.decide(rawPath, uri.getRawQuery()))
				.flatMap((decision) -> decided(request, decision, body.bytes(), started));
		});
	}

	private Mono<ServerResponse> decided(ServerRequest request, Decision decision, byte[] body, long started) {
		if (decision instanceof Decision.Admitted admitted) {
			return this.relay.forward(new ForwardedCall(admitted, request.method().name(),
					ForwardedMessages.forwarded(request.headers().asHttpHeaders()), body, started));
		}
		if (decision instanceof Decision.Refused refused) {
			this.audit.record(refused.clientId(), refused.appId(), refused.path(), request.method().name(), "refused",
					refused.code().code(), 200, false, started);
			return ProxyAnswers.refusal(refused.code(), refused.reason());
		}
		return ProxyAnswers.problem(400, "bad-path", "Malformed API path", "The path must consist of plain segments",
				((Decision.Malformed) decision).rawPath());
	}

}

package io.wxhub.apiproxy.forward;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.wxhub.apiproxy.admission.Admission;
import io.wxhub.apiproxy.admission.Decision;
import io.wxhub.apiproxy.admission.PathRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.reactor.netty.NettyRouteProvider;

/**
 * Calls to WeChat's APIs ({@code api-proxy.forwarded-prefixes}, except WeChat's
 * credential paths): read (body bounded), admitted or refused, relayed to WeChat, or, for
 * {@code getticket}, answered from the token server's tickets. A route of the server
 * itself, ahead of Spring WebFlux's dispatch, which serves everything else (the
 * credential exchange, actuator): side by side, WebFlux's exchange, router and message
 * writers cost more CPU per forwarded call than the whole relay (docs/performance.md).
 */
final class ForwardRoute implements NettyRouteProvider {

	private static final Logger log = LoggerFactory.getLogger(ForwardRoute.class);

	private final PathRules paths;

	private final Admission admission;

	private final Relay relay;

	private final TicketAnswers tickets;

	private final Audit audit;

	private final long maxBody;

	ForwardRoute(PathRules paths, Admission admission, Relay relay, TicketAnswers tickets, Audit audit, long maxBody) {
		this.paths = paths;
		this.admission = admission;
		this.relay = relay;
		this.tickets = tickets;
		this.audit = audit;
		this.maxBody = maxBody;
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.route((request) -> this.paths.isForwarded(RequestTarget.of(request.uri()).rawPath()),
				this::handle);
	}

	Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		long started = System.nanoTime();
		RequestTarget target = RequestTarget.of(request.uri());
		Mono<BoundedBody> body = hasBody(request.requestHeaders()) ? BoundedBody.read(request.receive(), this.maxBody)
				: BoundedBody.none();
		return body.flatMap((read) -> {
			if (read.tooLarge()) {
				return Mono.just(ProxyAnswers.problem(413, "body-too-large", "Request body too large",
						"Request bodies are limited to " + this.maxBody + " bytes", target.rawPath()));
			}
			return decision(request, target).flatMap((decision) -> decided(request, decision, read.bytes(), started));
		}).onErrorResume((ex) -> {
			log.error("Forwarding {} failed", target.rawPath(), ex);
			return Mono.just(ProxyAnswers.problem(500, "internal-server-error", "Internal Server Error",
					"Internal Server Error", target.rawPath()));
		}).flatMap((answer) -> answer.writeTo(response));
	}

	/**
	 * The admission's decision, on the event loop of the caller's connection: a decision
	 * that waited for Redis (a rate limit) completes on Redisson's I/O thread, which must
	 * not run the relay, the audit or the answer (anything slow there holds up every
	 * Redis reply).
	 */
	private Mono<Decision> decision(HttpServerRequest request, RequestTarget target) {
		return onCallersLoop(request, this.admission.decide(target.rawPath(), target.rawQuery()));
	}

	/** A decision, continued on the event loop of the caller's connection. */
	static Mono<Decision> onCallersLoop(HttpServerRequest request, CompletionStage<Decision> decision) {
		CompletableFuture<Decision> decided = decision.toCompletableFuture();
		if (decided.isDone()) {
			return Mono.fromFuture(decided);
		}
		EventLoop[] loop = new EventLoop[1];
		request.withConnection((connection) -> loop[0] = connection.channel().eventLoop());
		return Mono.fromFuture(decided).publishOn(Schedulers.fromExecutor(loop[0]));
	}

	private Mono<Answer> decided(HttpServerRequest request, Decision decision, byte[] body, long started) {
		String method = request.method().name();
		if (decision instanceof Decision.Admitted admitted) {
			// the only admitted path not relayed: tickets come from the token server
			if (TicketAnswers.PATH.equals(admitted.path())) {
				return this.tickets.answer(admitted, method, started);
			}
			return this.relay.forward(new ForwardedCall(admitted, method,
					ForwardedMessages.forwarded(request.requestHeaders()), body, started));
		}
		if (decision instanceof Decision.Refused refused) {
			this.audit.refused(refused, method, started);
			return Mono.just(ProxyAnswers.refusal(refused.code(), refused.reason()));
		}
		return Mono.just(ProxyAnswers.problem(400, "bad-path", "Malformed API path",
				"The path must consist of plain segments", ((Decision.Malformed) decision).rawPath()));
	}

	/** HTTP/1.1: a request has a body only when it announces one (RFC 9112, 6.3). */
	static boolean hasBody(HttpHeaders headers) {
		String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
		return (length != null && !"0".equals(length)) || headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
	}

}

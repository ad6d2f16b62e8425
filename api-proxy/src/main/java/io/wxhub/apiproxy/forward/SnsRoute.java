package io.wxhub.apiproxy.forward;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.reactor.netty.NettyRouteProvider;

/**
 * WeChat's web authorization (网页授权) APIs under {@code /sns/}, a route of the server after
 * the forwarded paths (so that their calls never test it): the code exchange, where an
 * SDK sends a client key as the AppSecret, made by the token server; the calls that carry
 * a user's token, relayed to WeChat as they came. Other {@code /sns/} paths are not
 * served.
 */
final class SnsRoute implements NettyRouteProvider {

	/** The code exchange. */
	static final String CODE_EXCHANGE = "/sns/oauth2/access_token";

	/** The calls made with a user's access token or refresh token, never the proxy's. */
	static final Set<String> USER_TOKEN_PATHS = Set.of("/sns/oauth2/refresh_token", "/sns/userinfo", "/sns/auth");

	private static final Logger log = LoggerFactory.getLogger(SnsRoute.class);

	private final CodeExchangeRelay exchanges;

	private final UserTokenRelay relay;

	private final long maxBody;

	SnsRoute(CodeExchangeRelay exchanges, UserTokenRelay relay, long maxBody) {
		this.exchanges = exchanges;
		this.relay = relay;
		this.maxBody = maxBody;
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.route((request) -> isServed(RequestTarget.of(request.uri()).rawPath()), this::handle);
	}

	static boolean isServed(String rawPath) {
		return CODE_EXCHANGE.equals(rawPath) || USER_TOKEN_PATHS.contains(rawPath);
	}

	Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		long started = System.nanoTime();
		RequestTarget target = RequestTarget.of(request.uri());
		String method = request.method().name();
		Mono<BoundedBody> body = ForwardRoute.hasBody(request.requestHeaders())
				? BoundedBody.read(request.receive(), this.maxBody) : BoundedBody.none();
		return body.flatMap((read) -> {
			if (read.tooLarge()) {
				return Mono.just(ProxyAnswers.problem(413, "body-too-large", "Request body too large",
						"Request bodies are limited to " + this.maxBody + " bytes", target.rawPath()));
			}
			if (CODE_EXCHANGE.equals(target.rawPath())) {
				return this.exchanges.exchange(request, target, method, started);
			}
			return this.relay.relay(target, method, ForwardedMessages.forwarded(request.requestHeaders()), read.bytes(),
					started);
		}).onErrorResume((ex) -> {
			// the path only: the query carries a code, a secret or a user's token
			log.error("Web authorization call {} failed", target.rawPath(), ex);
			return Mono.just(ProxyAnswers.problem(500, "internal-server-error", "Internal Server Error",
					"Internal Server Error", target.rawPath()));
		}).flatMap((answer) -> answer.writeTo(response));
	}

}

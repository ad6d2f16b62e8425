package io.wxhub.apiproxy.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Errors no handler answered (no such path, wrong method, unreadable body) as
 * {@code application/problem+json}, ahead of the framework's default error page. The
 * forwarding and the credential exchange answer their own failures; this catches the
 * rest.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode status = (ex instanceof ErrorResponse known) ? known.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			log.error("Request {} failed", exchange.getRequest().getPath(), ex);
		}
		String type = (status instanceof HttpStatus named) ? named.name().toLowerCase().replace('_', '-') : "error";
		String title = (status instanceof HttpStatus named) ? named.getReasonPhrase() : "Error";
		String detail = (ex instanceof ErrorResponse known && known.getBody().getDetail() != null)
				? known.getBody().getDetail() : title;
		byte[] body = ProblemJson.body(status.value(), type, title, detail, exchange.getRequest().getPath().value());
		response.setStatusCode(status);
		response.getHeaders().setContentType(ProblemJson.MEDIA_TYPE);
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}

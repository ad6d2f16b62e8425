package io.wxhub.tokenserver.system;

import java.net.URI;

import io.wxhub.tokenserver.client.AccessDeniedException;
import io.wxhub.tokenserver.token.NoValidTokenException;
import io.wxhub.tokenserver.upstream.WeChatUnavailableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json}: 401/403/404 for access, 503 with
 * {@code Retry-After} (and WeChat's errcode/errmsg where WeChat's refusal is the cause)
 * when no valid token can be served; 502 or 504 when WeChat gave no answer to a call made
 * for the caller (a code exchange); Spring's own 4xx for malformed requests.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	/** The start of every problem type of this service. */
	static final String TYPE_BASE = "urn:wxhub:problem:";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return switch (ex.reason()) {
			case UNAUTHENTICATED -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Client key required", ex.getMessage()));
			case FORBIDDEN -> ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(problem(HttpStatus.FORBIDDEN, "forbidden", "App not allowed for this client", ex.getMessage()));
			case UNKNOWN_APP -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(problem(HttpStatus.NOT_FOUND, "unknown-app", "Unknown app", ex.getMessage()));
		};
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noValidToken(NoValidTokenException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "no-valid-token", "No valid token available",
				ex.getMessage());
		ex.weChatError().ifPresent((error) -> {
			problem.setProperty("errcode", error.errcode());
			problem.setProperty("errmsg", error.errmsg());
		});
		long retryAfter = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> weChatUnavailable(WeChatUnavailableException ex) {
		if (ex.timedOut()) {
			return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
				.body(problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "WeChat did not answer in time",
						ex.getMessage()));
		}
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(problem(HttpStatus.BAD_GATEWAY, "upstream-unreachable", "WeChat is unreachable", ex.getMessage()));
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}

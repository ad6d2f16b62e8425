package io.wxhub.apiproxy.system;

import java.net.URI;

import io.wxhub.apiproxy.forward.ProxyProblem;
import io.wxhub.apiproxy.tokens.TokenUnavailableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Failures that are not WeChat's answer as {@code application/problem+json}: malformed
 * requests (400, 404, 413), WeChat unreachable (502) or too slow (504), no token from the
 * token server (503 with {@code Retry-After}).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final String TYPE_BASE = "urn:wxhub:problem:";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> proxyProblem(ProxyProblem ex) {
		return ResponseEntity.status(ex.status()).body(problem(ex.status(), ex.type(), ex.title(), ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tokenUnavailable(TokenUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "no-access-token", "No access token available",
					ex.getMessage()));
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}

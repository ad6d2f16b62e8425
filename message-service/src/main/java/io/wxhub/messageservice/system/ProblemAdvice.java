package io.wxhub.messageservice.system;

import java.net.URI;

import io.wxhub.messageservice.callback.CallbackRejected;
import io.wxhub.messageservice.push.MessageMetrics;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Refused pushes as {@code application/problem+json} (WeChat only looks at the status),
 * each logged with its reason and never with the body, Token or key.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	/** The one place this service names its problem types: the prefix plus a reason. */
	static final String PROBLEM_TYPE_PREFIX = "urn:wxhub:problem:";

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final MessageMetrics metrics;

	ProblemAdvice(MessageMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rejected(CallbackRejected ex, HttpServletRequest request) {
		log.info("Refused {} {}: {} ({})", request.getMethod(), request.getRequestURI(), ex.reason(), ex.getMessage());
		this.metrics.rejected(ex.reason());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(URI.create(PROBLEM_TYPE_PREFIX + ex.reason()));
		problem.setTitle("Push refused");
		return ResponseEntity.status(ex.status()).body(problem);
	}

}

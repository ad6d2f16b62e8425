package io.wxhub.sandbox.push;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A follower send or a URL check cannot be carried out as asked: answered as a 400
 * problem.
 */
class InvalidRequestException extends ErrorResponseException {

	private static final URI TYPE = URI.create("https://wxhub.io/problems/sandbox/invalid-request");

	InvalidRequestException(String detail) {
		super(HttpStatus.BAD_REQUEST, problem(detail), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(TYPE);
		problem.setTitle("Invalid request");
		return problem;
	}

}

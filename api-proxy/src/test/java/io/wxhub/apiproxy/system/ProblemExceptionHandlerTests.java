package io.wxhub.apiproxy.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/** Errors no handler answered become problems, like the proxy's own. */
class ProblemExceptionHandlerTests {

	private final WebTestClient client = WebTestClient
		.bindToWebHandler(
				new ExceptionHandlingWebHandler(
						RouterFunctions.toWebHandler(RouterFunctions
							.route(GET("/unreadable"),
									(request) -> Mono.error(new ServerWebInputException("Unreadable body")))
							.andRoute(GET("/gone"),
									(request) -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
							.andRoute(GET("/broken"), (request) -> Mono.error(new IllegalStateException("bug")))),
						List.of(new ProblemExceptionHandler())))
		.build();

	@Test
	void aCallersMistakeIsA400Problem() {
		expectProblem("/unreadable", 400, "bad-request").jsonPath("$.detail").isEqualTo("Unreadable body");
	}

	@Test
	void aMissingThingIsA404Problem() {
		expectProblem("/gone", 404, "not-found");
	}

	@Test
	void anythingElseIsA500ProblemThatTellsNothingInternal() {
		expectProblem("/broken", 500, "internal-server-error").jsonPath("$.detail").isEqualTo("Internal Server Error");
	}

	private WebTestClient.BodyContentSpec expectProblem(String path, int status, String type) {
		return this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:wxhub:problem:" + type)
			.jsonPath("$.status")
			.isEqualTo(status)
			.jsonPath("$.instance")
			.isEqualTo(path);
	}

}

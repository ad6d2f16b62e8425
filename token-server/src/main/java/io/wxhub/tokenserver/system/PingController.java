package io.wxhub.tokenserver.system;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A trivial endpoint on the same stack: the baseline of the token-read benchmark, not for
 * callers, so not in the API description.
 */
@Hidden
@RestController
class PingController {

	private static final Map<String, String> PONG = Map.of("status", "ok");

	@GetMapping("/v1/ping")
	Map<String, String> ping() {
		return PONG;
	}

}

package io.wxhub.messageservice.system;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A trivial endpoint on the same stack: the baseline of the push benchmark. */
@RestController
class PingController {

	private static final Map<String, String> PONG = Map.of("status", "ok");

	@GetMapping("/v1/ping")
	Map<String, String> ping() {
		return PONG;
	}

}

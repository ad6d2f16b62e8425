package io.wxhub.sandbox.system;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ResetController {

	private final List<SandboxState> states;

	private final SandboxClock clock;

	ResetController(List<SandboxState> states, SandboxClock clock) {
		this.states = states;
		this.clock = clock;
	}

	@PostMapping("/sandbox/reset")
	ResponseEntity<Void> reset() {
		this.clock.reset();
		this.states.forEach(SandboxState::reset);
		return ResponseEntity.noContent().build();
	}

}

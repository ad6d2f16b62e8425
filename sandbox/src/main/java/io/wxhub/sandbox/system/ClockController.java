package io.wxhub.sandbox.system;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/sandbox/clock")
class ClockController {

	private final SandboxClock clock;

	ClockController(SandboxClock clock) {
		this.clock = clock;
	}

	@GetMapping
	ClockView clock() {
		return view();
	}

	@PostMapping("/advance")
	ClockView advance(@Valid @RequestBody Advance advance) {
		this.clock.advance(Duration.ofMillis(advance.millis()));
		return view();
	}

	@PostMapping("/freeze")
	ClockView freeze() {
		this.clock.freeze();
		return view();
	}

	@PostMapping("/resume")
	ClockView resume() {
		this.clock.resume();
		return view();
	}

	private ClockView view() {
		return new ClockView(this.clock.instant(), this.clock.offset().toMillis(), this.clock.isFrozen());
	}

	record Advance(@NotNull @Positive Long millis) {
	}

	record ClockView(Instant now, long offsetMillis, boolean frozen) {
	}

}

package io.wxhub.sandbox.domain;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The extra ports standing in for WeChat's domains: what each received, and its fault
 * switch ({@code ok}, {@code refuse}, {@code hang}).
 */
@RestController
@RequestMapping("/sandbox/domains")
class DomainController {

	private final DomainPorts ports;

	DomainController(DomainPorts ports) {
		this.ports = ports;
	}

	@GetMapping
	List<PortView> ports() {
		return this.ports.all().stream().map(PortView::of).toList();
	}

	@PostMapping("/{port}")
	PortView switchMode(@PathVariable int port, @Valid @RequestBody ModeChange change) {
		DomainPort domain = this.ports.of(port)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Port " + port + " is not one of sandbox.domains.extra-ports"));
		domain.switchTo(DomainMode.of(change.mode()));
		return PortView.of(domain);
	}

	/**
	 * @param mode {@code ok}, {@code refuse} or {@code hang}
	 */
	record ModeChange(@NotNull @Pattern(regexp = "ok|refuse|hang") String mode) {
	}

	record PortView(int port, String mode, Map<String, Long> calls) {

		static PortView of(DomainPort port) {
			return new PortView(port.port(), port.mode().value(), port.calls());
		}

	}

}

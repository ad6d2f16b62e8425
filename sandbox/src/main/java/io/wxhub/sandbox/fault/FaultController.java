package io.wxhub.sandbox.fault;

import java.util.List;

import jakarta.validation.Valid;

import io.wxhub.sandbox.account.AccountRegistry;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/sandbox/apps/{appId}/faults")
class FaultController {

	private final FaultRegistry faults;

	private final AccountRegistry accounts;

	FaultController(FaultRegistry faults, AccountRegistry accounts) {
		this.faults = faults;
		this.accounts = accounts;
	}

	@GetMapping
	FaultsView faults(@PathVariable String appId) {
		this.accounts.require(appId);
		return new FaultsView(appId, this.faults.pending(appId));
	}

	@PostMapping
	FaultsView add(@PathVariable String appId, @Valid @RequestBody Fault fault) {
		this.accounts.require(appId);
		this.faults.add(appId, fault);
		return new FaultsView(appId, this.faults.pending(appId));
	}

	@DeleteMapping
	ResponseEntity<Void> clear(@PathVariable String appId) {
		this.accounts.require(appId);
		this.faults.clear(appId);
		return ResponseEntity.noContent().build();
	}

	record FaultsView(String appId, List<Fault> faults) {
	}

}

package io.wxhub.sandbox.quota;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import io.wxhub.sandbox.account.AccountRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/sandbox/apps/{appId}/quotas")
class QuotaAdminController {

	private final QuotaService quotas;

	private final AccountRegistry accounts;

	QuotaAdminController(QuotaService quotas, AccountRegistry accounts) {
		this.quotas = quotas;
		this.accounts = accounts;
	}

	@GetMapping
	QuotasView quotas(@PathVariable String appId) {
		this.accounts.require(appId);
		return new QuotasView(appId, this.quotas.usages(appId));
	}

	@PutMapping
	QuotaUsage override(@PathVariable String appId, @Valid @RequestBody QuotaOverride override) {
		this.accounts.require(appId);
		return this.quotas.override(appId, override.path(), override.dailyLimit());
	}

	@PostMapping("/reset")
	QuotasView resetUsage(@PathVariable String appId) {
		this.accounts.require(appId);
		this.quotas.resetUsage(appId);
		return new QuotasView(appId, this.quotas.usages(appId));
	}

	// the console's switch: the next call of the path answers 45009
	@PostMapping("/exhaust")
	QuotaUsage exhaust(@PathVariable String appId, @Valid @RequestBody QuotaPath request) {
		this.accounts.require(appId);
		return this.quotas.exhaust(appId, request.path())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					request.path() + " has no daily limit to exhaust"));
	}

	record QuotaPath(@NotBlank @Pattern(regexp = "/.*", message = "must start with /") String path) {
	}

	record QuotaOverride(@NotBlank String path, @NotNull @PositiveOrZero Long dailyLimit) {
	}

	record QuotasView(String appId, List<QuotaUsage> quotas) {
	}

}

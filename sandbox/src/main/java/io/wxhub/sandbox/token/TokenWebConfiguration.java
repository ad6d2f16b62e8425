package io.wxhub.sandbox.token;

import java.util.List;

import io.wxhub.sandbox.quota.QuotaService;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class TokenWebConfiguration implements WebMvcConfigurer {

	private final CredentialLedger ledger;

	private final QuotaService quotas;

	TokenWebConfiguration(CredentialLedger ledger, QuotaService quotas) {
		this.ledger = ledger;
		this.quotas = quotas;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AuthorizedAppResolver(this.ledger, this.quotas));
	}

}

package io.wxhub.webauth.system;

import java.time.Clock;

import io.wxhub.webauth.keys.SigningKeys;
import io.wxhub.webauth.keys.StateSigner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	SigningKeys signingKeys(WebAuthProperties properties) {
		return SigningKeys.fromJwk(properties.signingKey());
	}

	@Bean
	StateSigner stateSigner(SigningKeys keys) {
		return new StateSigner(keys);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

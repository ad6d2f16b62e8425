package io.wxhub.sandbox.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	SandboxClock sandboxClock() {
		return new SandboxClock(Clock.systemUTC());
	}

}

package io.wxhub.messageservice.system;

import java.time.Clock;

import io.wxhub.protocol.xml.XmlCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The secure XML codec (no DOCTYPE, bounded size); pushes are limited to 64 KiB
	 * anyway.
	 */
	@Bean
	XmlCodec xmlCodec() {
		return new XmlCodec();
	}

}

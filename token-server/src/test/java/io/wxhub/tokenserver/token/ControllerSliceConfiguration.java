package io.wxhub.tokenserver.token;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.wxhub.tokenserver.client.CallerKeys;
import io.wxhub.tokenserver.system.TokenServerProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the controllers need besides the mocked {@link TokenService} in a
 * {@code @WebMvcTest}: the real access rules and a fixed clock. The apps and clients come
 * from {@code controller-slice.properties}, which the tests name in
 * {@code @TestPropertySource}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenServerProperties.class)
@Import(CallerKeys.class)
class ControllerSliceConfiguration {

	static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}

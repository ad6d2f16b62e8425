package io.wxhub.tokenserver;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The central AccessToken server: the only holder of AppSecrets, serving access tokens
 * and jsapi tickets of every configured account to internal callers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokenServerApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * The application with its configuration file, {@code token-server.yml}: each service
	 * names its own file, so several services can run in one JVM (tests) without reading
	 * each other's.
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(TokenServerApplication.class).properties("spring.config.name=token-server");
	}

}

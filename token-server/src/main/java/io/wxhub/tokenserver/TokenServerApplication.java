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
		return new SpringApplicationBuilder(TokenServerApplication.class).properties("spring.config.name=token-server",
				"server.tomcat.threads.max=" + defaultRequestThreads());
	}

	/**
	 * Two request threads per core, at least 4, unless {@code server.tomcat.threads.max}
	 * says otherwise. A read is answered from memory, so more threads than cores only
	 * queue for the CPU: at 64 connections on 2 cores, Tomcat's 200 threads put the p99
	 * at 18-20 ms, 4 threads at 6-7 ms (docs/performance.md).
	 */
	static int defaultRequestThreads() {
		return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
	}

}

package io.wxhub.apiproxy;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.ApplicationContext;

/**
 * The API-Proxy: the only component that calls WeChat's APIs. Callers, including
 * unmodified WeChat SDKs, exchange a client key for a proxy token and call WeChat's paths
 * here; the proxy checks, meters and audits each call and forwards it with the real
 * access token.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
public class ApiProxyApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/** The port of a running proxy (useful when {@code server.port} is 0). */
	public static int port(ApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * The application with its configuration file, {@code api-proxy.yml}: each service
	 * names its own file, so several services can run in one JVM (tests) without reading
	 * each other's. Always the reactive web stack, even next to servlet applications on
	 * the classpath.
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ApiProxyApplication.class).web(WebApplicationType.REACTIVE)
			.properties("spring.config.name=api-proxy");
	}

}

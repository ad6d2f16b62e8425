package io.wxhub.apiproxy;

import io.wxhub.apiproxy.forward.ProxyServer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
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

	/**
	 * The public port of a running proxy (the servlet container behind it listens
	 * elsewhere, on loopback).
	 */
	public static int port(ApplicationContext context) {
		return context.getBean(ProxyServer.class).port();
	}

	/**
	 * The application with its configuration file, {@code api-proxy.yml}: each service
	 * names its own file, so several services can run in one JVM (tests) without reading
	 * each other's.
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ApiProxyApplication.class).properties("spring.config.name=api-proxy");
	}

}

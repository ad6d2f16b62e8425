package io.wxhub.messageservice;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

/**
 * The message service: WeChat's callback URL for every configured account. It verifies
 * and decrypts pushes, runs each message's action once across replicas, answers within
 * WeChat's five seconds and delivers late replies as customer-service messages through
 * the API-Proxy.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
public class MessageServiceApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * The application with its configuration file, {@code message-service.yml}: each
	 * service names its own file, so several services can run in one JVM (tests) without
	 * reading each other's.
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(MessageServiceApplication.class)
			.properties("spring.config.name=message-service");
	}

}

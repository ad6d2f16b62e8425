package io.wxhub.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sandbox: an emulator of WeChat's {@code api.weixin.qq.com}, and of the web
 * authorization page of {@code open.weixin.qq.com}, for development, tests and demos. All
 * of its state lives in memory, so several instances can run in one JVM.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * The application with its configuration file, {@code sandbox.yml}: each service
	 * names its own file, so several services can run in one JVM (tests) without reading
	 * each other's. Give overrides as {@code --name=value} arguments to {@code run},
	 * which outrank the file.
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(SandboxApplication.class).properties("spring.config.name=sandbox");
	}

}

package io.wxhub.webauth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web-authorization broker: WeChat's web authorization (网页授权) on the account's one
 * authorization domain, for every internal web app, without the AppSecret.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebAuthApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * The application with its own configuration file, {@code web-auth.yml}, like the
	 * other services.
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(WebAuthApplication.class).properties("spring.config.name=web-auth");
	}

}

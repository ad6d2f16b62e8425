package io.wxhub.bench.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The least a Spring Cloud Gateway api-proxy would do: one route for WeChat's API paths,
 * a proxy-token check and the token swap as global filters, and the credential exchange
 * that issues the proxy tokens. A lower bound of the api-proxy's work per call, to
 * measure Gateway's cost side by side with it (bench/proxy-ab.sh); never shipped.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayBaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayBaselineApplication.class, args);
	}

	@Bean
	RouteLocator wechatRoute(RouteLocatorBuilder routes, @Value("${wechat.api-base-url}") String wechatBaseUrl) {
		return routes.routes()
			.route("wechat",
					(route) -> route.path("/cgi-bin/**", "/datacube/**", "/customservice/**").uri(wechatBaseUrl))
			.build();
	}

}

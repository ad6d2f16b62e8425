package io.wxhub.messageservice.delivery;

import java.util.Map;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The API-Proxy, spoken to as WeChat (the proxy is WeChat's API to its clients): resolved
 * by Spring Cloud LoadBalancer over the instances of {@code api-proxy}
 * ({@code spring.cloud.discovery.client.simple.instances.api-proxy[i].uri}, or the one of
 * {@code message-service.api-proxy.url}), a call that cannot connect retried on the next.
 */
@FeignClient(name = "api-proxy")
interface ApiProxyClient {

	@GetMapping("/cgi-bin/token?grant_type=client_credential")
	Map<String, Object> token(@RequestParam("appid") String appId, @RequestParam("secret") String clientKey);

	@PostMapping(path = "/cgi-bin/message/custom/send", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> sendCustomMessage(@RequestParam("access_token") String accessToken,
			@RequestBody Map<String, Object> message);

}

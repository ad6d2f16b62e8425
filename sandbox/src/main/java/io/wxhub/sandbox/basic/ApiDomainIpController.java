package io.wxhub.sandbox.basic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wxhub.sandbox.token.AuthorizedApp;
import io.wxhub.sandbox.wechat.CgiPaths;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ApiDomainIpController {

	private static final List<String> API_DOMAIN_IPS = List.of("101.226.62.77", "101.226.62.78");

	@GetMapping(CgiPaths.API_DOMAIN_IP)
	IpList apiDomainIp(AuthorizedApp app) {
		return new IpList(API_DOMAIN_IPS);
	}

	record IpList(@JsonProperty("ip_list") List<String> ipList) {
	}

}

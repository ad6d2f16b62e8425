package io.wxhub.tokenserver.upstream;

import java.net.http.HttpClient;
import java.time.Duration;

import io.wxhub.domains.DomainFailoverInterceptor;
import io.wxhub.domains.WeChatDomains;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The {@code RestClient} of WeChat's calls: on the current domain, with timeouts. */
final class WeChatRest {

	private WeChatRest() {
	}

	/**
	 * A client built on the primary domain; the interceptor sends each call to the
	 * current domain and moves a call whose connection could not open to the next one.
	 * @param timeout connect and read timeout of one call
	 */
	static RestClient create(WeChatDomains domains, Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(timeout);
		return RestClient.builder()
			.baseUrl(domains.primary().baseUrl())
			.requestFactory(factory)
			.requestInterceptor(new DomainFailoverInterceptor(domains))
			.build();
	}

}

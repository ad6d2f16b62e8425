package io.wxhub.client.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.annotation.Bean;

/**
 * The token server's instances for Spring Cloud LoadBalancer's child context of
 * {@value LoadBalancedServerSelection#SERVICE_ID}: a fixed list with one instance per
 * {@code wxhub.token-server.urls} entry, as {@code SimpleDiscoveryClient} would list
 * them, each carrying its whole URL (a path prefix included). Deliberately not a
 * {@code @Configuration}: only that child context reads it.
 */
class TokenServerInstancesConfiguration {

	@Bean
	ServiceInstanceListSupplier wxhubTokenServerInstances(WxhubTokenServerProperties properties) {
		List<URI> urls = properties.urls();
		ServiceInstance[] instances = new ServiceInstance[urls.size()];
		for (int i = 0; i < instances.length; i++) {
			URI url = urls.get(i);
			boolean secure = "https".equals(url.getScheme());
			int port = (url.getPort() != -1) ? url.getPort() : (secure ? 443 : 80);
			instances[i] = new DefaultServiceInstance(LoadBalancedServerSelection.SERVICE_ID + "-" + i,
					LoadBalancedServerSelection.SERVICE_ID, url.getHost(), port, secure,
					Map.of(LoadBalancedServerSelection.URL_METADATA, url.toString()));
		}
		return ServiceInstanceListSuppliers.from(LoadBalancedServerSelection.SERVICE_ID, instances);
	}

}

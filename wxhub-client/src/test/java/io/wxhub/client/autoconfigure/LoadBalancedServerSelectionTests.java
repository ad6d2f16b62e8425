package io.wxhub.client.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LoadBalancer's choice goes first, the other URLs follow in their order from there; no
 * choice, or a LoadBalancer that fails, leaves the configured order.
 */
class LoadBalancedServerSelectionTests {

	private static final List<URI> URLS = List.of(URI.create("http://a:1"), URI.create("http://b:2/prefix"),
			URI.create("http://c:3"));

	@Test
	void theChosenUrlGoesFirstAndTheRestFollowWrappingAround() {
		assertThat(selection(choosing("http://b:2/prefix/")).order(URLS)).extracting(URI::toString)
			.containsExactly("http://b:2/prefix", "http://c:3", "http://a:1");
		assertThat(selection(choosing("http://c:3")).order(URLS)).extracting(URI::toString)
			.containsExactly("http://c:3", "http://a:1", "http://b:2/prefix");
	}

	@Test
	void withoutAChoiceTheConfiguredOrderStays() {
		assertThat(selection((request) -> Mono.just(new EmptyResponse())).order(URLS)).isEqualTo(URLS);
		assertThat(selection(choosing("http://elsewhere:9")).order(URLS)).isEqualTo(URLS);
		assertThat(new LoadBalancedServerSelection(new FailingFactory()).order(URLS)).isEqualTo(URLS);
	}

	private static ReactiveLoadBalancer<ServiceInstance> choosing(String url) {
		ServiceInstance instance = new DefaultServiceInstance("i", LoadBalancedServerSelection.SERVICE_ID, "h", 1,
				false, Map.of(LoadBalancedServerSelection.URL_METADATA, url));
		return (request) -> Mono.just(new DefaultResponse(instance));
	}

	private static LoadBalancedServerSelection selection(ReactiveLoadBalancer<ServiceInstance> balancer) {
		return new LoadBalancedServerSelection(new ReactiveLoadBalancer.Factory<>() {

			@Override
			public ReactiveLoadBalancer<ServiceInstance> getInstance(String serviceId) {
				return balancer;
			}

			@Override
			public <X> Map<String, X> getInstances(String name, Class<X> type) {
				return Map.of();
			}

			@Override
			public <X> X getInstance(String name, Class<?> clazz, Class<?>... generics) {
				return null;
			}

		});
	}

	private static final class FailingFactory implements ReactiveLoadBalancer.Factory<ServiceInstance> {

		@Override
		public ReactiveLoadBalancer<ServiceInstance> getInstance(String serviceId) {
			throw new IllegalStateException("no child context");
		}

		@Override
		public <X> Map<String, X> getInstances(String name, Class<X> type) {
			return Map.of();
		}

		@Override
		public <X> X getInstance(String name, Class<?> clazz, Class<?>... generics) {
			return null;
		}

	}

}

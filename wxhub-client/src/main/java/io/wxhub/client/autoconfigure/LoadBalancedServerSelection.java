package io.wxhub.client.autoconfigure;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wxhub.client.ServerSelection;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;

/**
 * Spring Cloud LoadBalancer chooses the URL each request goes to first, among the
 * instances of {@value #SERVICE_ID} ({@link TokenServerInstancesConfiguration}: one per
 * configured URL; round robin unless the application configures that service id
 * otherwise); should that one fail, the request goes on to the following URLs in their
 * configured order, wrapping around. That is LoadBalancer's "retry on the next instance"
 * for a client that is not a {@code RestTemplate}, {@code RestClient} or
 * {@code WebClient}: the plain client's own failover does the retrying.
 */
final class LoadBalancedServerSelection implements ServerSelection {

	/** The service id of the token server's instances. */
	static final String SERVICE_ID = "wxhub-token-server";

	/** The instance metadata key that holds the instance's configured URL. */
	static final String URL_METADATA = "wxhub-url";

	private static final Duration CHOICE_TIMEOUT = Duration.ofSeconds(1);

	private static final System.Logger log = System.getLogger(LoadBalancedServerSelection.class.getName());

	private final ReactiveLoadBalancer.Factory<ServiceInstance> balancers;

	private final AtomicBoolean warned = new AtomicBoolean();

	LoadBalancedServerSelection(ReactiveLoadBalancer.Factory<ServiceInstance> balancers) {
		this.balancers = balancers;
	}

	@Override
	public List<URI> order(List<URI> configured) {
		String chosen = choose();
		int first = -1;
		for (int i = 0; chosen != null && i < configured.size(); i++) {
			if (same(configured.get(i).toString(), chosen)) {
				first = i;
				break;
			}
		}
		if (first <= 0) {
			return configured;
		}
		List<URI> order = new ArrayList<>(configured.size());
		order.addAll(configured.subList(first, configured.size()));
		order.addAll(configured.subList(0, first));
		return order;
	}

	/** The configured URL of LoadBalancer's choice; null when it chose none or failed. */
	private String choose() {
		try {
			ReactiveLoadBalancer<ServiceInstance> balancer = this.balancers.getInstance(SERVICE_ID);
			Response<ServiceInstance> choice = (balancer != null) ? Mono.from(balancer.choose()).block(CHOICE_TIMEOUT)
					: null;
			return (choice != null && choice.hasServer()) ? choice.getServer().getMetadata().get(URL_METADATA) : null;
		}
		catch (RuntimeException ex) {
			// the configured order still reaches the token server
			if (this.warned.compareAndSet(false, true)) {
				log.log(Level.WARNING, "Spring Cloud LoadBalancer could not choose a {0} instance ({1}); "
						+ "the configured order of wxhub.token-server.urls is used", SERVICE_ID, ex.toString());
			}
			return null;
		}
	}

	private static boolean same(String url, String other) {
		return withoutSlash(url).equals(withoutSlash(other));
	}

	private static String withoutSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}

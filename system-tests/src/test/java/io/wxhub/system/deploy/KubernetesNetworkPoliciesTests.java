package io.wxhub.system.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.wxhub.system.deploy.NetworkPolicies.Peer;
import org.junit.jupiter.api.Test;

import static io.wxhub.system.deploy.KubernetesManifests.SERVICES;
import static io.wxhub.system.deploy.KubernetesManifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies of every rendering, evaluated for the connections the services and
 * their neighbours could try: only the token-server and the api-proxy leave the cluster,
 * only the api-proxy and internal apps (with the broker) reach the token-server, nothing
 * outside the cluster reaches the api-proxy, and the public services are reached only
 * through the Ingress controller.
 */
class KubernetesNetworkPoliciesTests {

	/** An address on the internet (TEST-NET-3): WeChat, a follower, an attacker. */
	private static final Peer INTERNET = Peer.outside("203.0.113.7");

	private static final Peer INGRESS_CONTROLLER = Peer.podIn("ingress-nginx",
			Map.of("app.kubernetes.io/name", "ingress-nginx"));

	private static final Peer DNS = Peer.podIn("kube-system", Map.of("k8s-app", "kube-dns"));

	private static final Peer REDIS_ELSEWHERE = Peer.podIn("data", Map.of("app", "redis"));

	private static final List<Integer> PORTS = List.of(80, 443, 6379, 8080, 8081, 8082, 8083, 8085, 8090);

	@Test
	void onlyTheTokenServerAndTheApiProxyLeaveTheClusterAndOnlyForHttps() {
		KubernetesManifests.all().forEach((manifests) -> {
			NetworkPolicies policies = new NetworkPolicies(manifests);
			Map<String, Peer> peers = peers(manifests, policies);
			Map<String, Set<Integer>> leaving = new LinkedHashMap<>();
			peers.forEach((name, peer) -> {
				if (peer.namespace() != null && peer.namespace().equals(policies.namespace())) {
					Set<Integer> ports = new TreeSet<>();
					PORTS.forEach((port) -> {
						if (policies.allows(peer, INTERNET, "TCP", port)) {
							ports.add(port);
						}
					});
					if (!ports.isEmpty()) {
						leaving.put(name, ports);
					}
				}
			});
			assertThat(leaving).as(manifests.name() + ": who leaves the cluster, on which ports")
				.isEqualTo(Map.of("token-server", Set.of(443), "api-proxy", Set.of(443)));
		});
	}

	@Test
	void whoReachesEachService() {
		KubernetesManifests.all().forEach((manifests) -> {
			NetworkPolicies policies = new NetworkPolicies(manifests);
			Map<String, Peer> peers = peers(manifests, policies);
			String label = manifests.name();
			assertThat(callers(policies, peers, "token-server", 8081)).as(label + ": the token-server's callers")
				.containsExactlyInAnyOrder("api-proxy", "web-auth", "internal token-server client", "prometheus");
			assertThat(callers(policies, peers, "api-proxy", 8082)).as(label + ": the api-proxy's callers")
				.containsExactlyInAnyOrder("message-service", "web-auth", "internal api-proxy client", "prometheus");
			assertThat(callers(policies, peers, "message-service", 8083))
				.as(label + ": WeChat's pushes through the Ingress controller, and the scrapes")
				.containsExactlyInAnyOrder("ingress controller", "prometheus");
			assertThat(callers(policies, peers, "web-auth", 8085))
				.as(label + ": browsers through the Ingress controller, internal web apps for the key set")
				.containsExactlyInAnyOrder("ingress controller", "internal web app", "prometheus");
			// nothing reaches a service on another port (the actuator is on the same one)
			SERVICES.forEach((service) -> PORTS.stream()
				.filter((port) -> port != DeploymentFiles.serverPort(service))
				.forEach((port) -> assertThat(callers(policies, peers, service, port))
					.as(label + " " + service + ":" + port)
					.isEmpty()));
		});
	}

	@Test
	void everyServiceReachesTheClustersDnsAndRedis() {
		KubernetesManifests.all().forEach((manifests) -> {
			NetworkPolicies policies = new NetworkPolicies(manifests);
			Map<String, Peer> peers = peers(manifests, policies);
			SERVICES.forEach((service) -> {
				String label = manifests.name() + " " + service;
				assertThat(policies.allows(peers.get(service), DNS, "UDP", 53)).as(label + " DNS").isTrue();
				assertThat(policies.allows(peers.get(service), REDIS_ELSEWHERE, "TCP", 6379)).as(label + " Redis")
					.isTrue();
				assertThat(policies.allows(peers.get(service), REDIS_ELSEWHERE, "TCP", 26379))
					.as(label + " Redis Sentinel")
					.isTrue();
			});
			// the try-out's own Redis: the services, and nobody else
			manifests.find("Deployment", "redis").ifPresent((redis) -> {
				Peer pod = policies.pod(DeploymentFiles.cast(at(redis, "spec.template.metadata.labels")));
				Set<String> clients = new TreeSet<>();
				peers.forEach((name, peer) -> {
					if (policies.allows(peer, pod, "TCP", 6379)) {
						clients.add(name);
					}
				});
				assertThat(clients).as(manifests.name() + ": Redis' clients")
					.containsExactlyInAnyOrderElementsOf(SERVICES);
				assertThat(policies.allows(pod, INTERNET, "TCP", 443)).as("Redis reaches nothing").isFalse();
			});
		});
	}

	/** Who may open a connection to the service's port. */
	private static Set<String> callers(NetworkPolicies policies, Map<String, Peer> peers, String service, int port) {
		Set<String> callers = new TreeSet<>();
		peers.forEach((name, peer) -> {
			if (!name.equals(service) && policies.allows(peer, peers.get(service), "TCP", port)) {
				callers.add(name);
			}
		});
		return callers;
	}

	/**
	 * The services' pods as their Deployments label them, and their neighbours: internal
	 * apps in their own namespace with the labels that make them clients, a pod in the
	 * same namespace without them, a pod in another, Prometheus and a neighbour of its in
	 * the namespace {@code monitoring}, the Ingress controller and the internet.
	 */
	private static Map<String, Peer> peers(KubernetesManifests manifests, NetworkPolicies policies) {
		Map<String, Peer> peers = new LinkedHashMap<>();
		SERVICES.forEach((service) -> peers.put(service, policies
			.pod(DeploymentFiles.cast(at(manifests.get("Deployment", service), "spec.template.metadata.labels")))));
		peers.put("internal token-server client", Peer.podIn("shop", Map.of("wxhub.io/token-server-client", "true")));
		peers.put("internal api-proxy client", Peer.podIn("shop", Map.of("wxhub.io/api-proxy-client", "true")));
		peers.put("internal web app", Peer.podIn("shop", Map.of("wxhub.io/web-auth-client", "true")));
		peers.put("unlabelled pod elsewhere", Peer.podIn("shop", Map.of("app", "shop")));
		peers.put("unlabelled pod beside", policies.pod(Map.of("app", "stranger")));
		peers.put("pod beside with a service's part-of label",
				policies.pod(Map.of("app.kubernetes.io/part-of", "wxhub")));
		peers.put("prometheus", Peer.podIn("monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
		peers.put("another pod in monitoring", Peer.podIn("monitoring", Map.of("app.kubernetes.io/name", "grafana")));
		peers.put("ingress controller", INGRESS_CONTROLLER);
		peers.put("internet", INTERNET);
		return peers;
	}

}

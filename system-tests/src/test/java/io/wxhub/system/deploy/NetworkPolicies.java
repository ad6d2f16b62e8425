package io.wxhub.system.deploy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.wxhub.system.deploy.KubernetesManifests.at;

/**
 * The NetworkPolicies of one rendering, evaluated as Kubernetes does: a connection is
 * allowed when the source's egress allows it (or no policy restricts the source's egress)
 * and the destination's ingress allows it (likewise).
 */
final class NetworkPolicies {

	private final List<Map<String, Object>> policies;

	private final String namespace;

	NetworkPolicies(KubernetesManifests manifests) {
		this.policies = manifests.ofKind("NetworkPolicy");
		this.namespace = this.policies.stream()
			.map((policy) -> (String) at(policy, "metadata.namespace"))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse("default");
	}

	/** The namespace the policies are in. */
	String namespace() {
		return this.namespace;
	}

	/** A pod of this namespace with these labels. */
	Peer pod(Map<String, String> labels) {
		return new Peer(labels, this.namespace, null);
	}

	boolean allows(Peer from, Peer to, String protocol, int port) {
		return allowed(from, "Egress", "egress", "to", to, protocol, port)
				&& allowed(to, "Ingress", "ingress", "from", from, protocol, port);
	}

	/**
	 * Whether the policies selecting the pod let it have this connection in a direction.
	 */
	private boolean allowed(Peer pod, String type, String rulesField, String peersField, Peer other, String protocol,
			int port) {
		if (!this.namespace.equals(pod.namespace())) {
			// a pod elsewhere: its own namespace's policies are not ours to know
			return true;
		}
		List<Map<String, Object>> restricting = this.policies.stream()
			.filter((policy) -> selects(DeploymentFiles.cast(at(policy, "spec.podSelector")), pod.labels()))
			.filter((policy) -> policyTypes(policy).contains(type))
			.toList();
		if (restricting.isEmpty()) {
			return true;
		}
		return restricting.stream().anyMatch((policy) -> {
			List<Map<String, Object>> rules = DeploymentFiles.cast(at(policy, "spec." + rulesField));
			return rules != null && rules.stream()
				.anyMatch((rule) -> peerMatches(DeploymentFiles.cast(rule.get(peersField)), other)
						&& portMatches(DeploymentFiles.cast(rule.get("ports")), protocol, port));
		});
	}

	private static List<String> policyTypes(Map<String, Object> policy) {
		List<String> types = DeploymentFiles.cast(at(policy, "spec.policyTypes"));
		if (types != null) {
			return types;
		}
		return (at(policy, "spec.egress") != null) ? List.of("Ingress", "Egress") : List.of("Ingress");
	}

	private boolean peerMatches(List<Map<String, Object>> peers, Peer other) {
		if (peers == null || peers.isEmpty()) {
			return true;
		}
		return peers.stream().anyMatch((peer) -> {
			if (peer.containsKey("ipBlock")) {
				return other.address() != null && inBlock(DeploymentFiles.cast(peer.get("ipBlock")), other.address());
			}
			if (other.namespace() == null) {
				// pod and namespace selectors select pods, never addresses outside the
				// cluster
				return false;
			}
			Map<String, Object> namespaceSelector = DeploymentFiles.cast(peer.get("namespaceSelector"));
			boolean namespaceMatches = (namespaceSelector != null)
					? selects(namespaceSelector, Map.of("kubernetes.io/metadata.name", other.namespace()))
					: this.namespace.equals(other.namespace());
			Map<String, Object> podSelector = DeploymentFiles.cast(peer.get("podSelector"));
			return namespaceMatches && (podSelector == null || selects(podSelector, other.labels()));
		});
	}

	private static boolean portMatches(List<Map<String, Object>> ports, String protocol, int port) {
		if (ports == null || ports.isEmpty()) {
			return true;
		}
		return ports.stream()
			.anyMatch((declared) -> Objects.toString(declared.get("protocol"), "TCP").equals(protocol)
					&& (declared.get("port") == null || Integer.valueOf(port).equals(declared.get("port"))));
	}

	/**
	 * A label selector: matchLabels and matchExpressions (In, NotIn, Exists,
	 * DoesNotExist).
	 */
	static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
		if (selector == null) {
			return true;
		}
		Map<String, Object> matchLabels = DeploymentFiles.cast(selector.getOrDefault("matchLabels", Map.of()));
		boolean labelsMatch = matchLabels.entrySet()
			.stream()
			.allMatch((entry) -> String.valueOf(entry.getValue()).equals(labels.get(entry.getKey())));
		List<Map<String, Object>> expressions = DeploymentFiles
			.cast(selector.getOrDefault("matchExpressions", List.of()));
		return labelsMatch && expressions.stream().allMatch((expression) -> {
			String value = labels.get(String.valueOf(expression.get("key")));
			List<?> values = DeploymentFiles.cast(expression.getOrDefault("values", List.of()));
			return switch (String.valueOf(expression.get("operator"))) {
				case "In" -> values.contains(value);
				case "NotIn" -> value == null || !values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new AssertionError("unknown operator in " + expression);
			};
		});
	}

	private static boolean inBlock(Map<String, Object> block, String address) {
		List<?> except = DeploymentFiles.cast(block.getOrDefault("except", List.of()));
		return inCidr(String.valueOf(block.get("cidr")), address)
				&& except.stream().noneMatch((cidr) -> inCidr(String.valueOf(cidr), address));
	}

	private static boolean inCidr(String cidr, String address) {
		try {
			String[] parts = cidr.split("/");
			byte[] network = InetAddress.getByName(parts[0]).getAddress();
			byte[] candidate = InetAddress.getByName(address).getAddress();
			if (network.length != candidate.length) {
				return false;
			}
			int bits = network.length * 8;
			int prefix = Integer.parseInt(parts[1]);
			BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
			BigInteger mask = all.xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
			return new BigInteger(1, network).and(mask).equals(new BigInteger(1, candidate).and(mask));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(cidr, ex);
		}
	}

	/**
	 * A pod (its labels and namespace) or an address outside the cluster.
	 *
	 * @param labels the pod's labels
	 * @param namespace the pod's namespace, {@code null} outside the cluster
	 * @param address an address outside the cluster, {@code null} for a pod
	 */
	record Peer(Map<String, String> labels, String namespace, String address) {

		static Peer outside(String address) {
			return new Peer(Map.of(), null, address);
		}

		static Peer podIn(String namespace, Map<String, String> labels) {
			return new Peer(labels, namespace, null);
		}

	}

}

package io.wxhub.system.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code docs/operations.md} tells a platform engineer in its "Kubernetes" section
 * holds: the Secret it has them create has every key the Deployments read, and its
 * Redisson files for Sentinel and Cluster are Redisson configurations.
 */
class KubernetesDocsTests {

	private final String section = section();

	@Test
	void theDocumentedSecretHasEveryKeyTheDeploymentsRead() {
		Matcher command = Pattern.compile("create secret generic wxhub-secrets((?:[^\\n]*\\\\\\n)+[^\\n]*)")
			.matcher(this.section);
		assertThat(command.find()).as("the kubectl command that creates wxhub-secrets").isTrue();
		Set<String> documented = new TreeSet<>();
		Matcher literal = Pattern.compile("--from-literal=([a-z0-9-]+)=").matcher(command.group(1));
		while (literal.find()) {
			documented.add(literal.group(1));
		}
		Set<String> tryOut = KubernetesManifests
			.secretData(KubernetesManifests.overlay("try-out")
				.generated("Secret", "wxhub-secrets")
				.orElseThrow(() -> new AssertionError("the try-out generates no Secret wxhub-secrets")))
			.keySet();
		assertThat(documented).as("the documented keys (the try-out's Secret has exactly the keys read)")
			.containsExactlyInAnyOrderElementsOf(tryOut);
	}

	@Test
	void theDocumentedRedissonFilesAreRedissonConfigurations() throws IOException {
		List<Config> configs = new ArrayList<>();
		Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(this.section);
		while (block.find()) {
			configs.add(Config.fromYAML(block.group(1)));
		}
		assertThat(configs).as("Redisson files in the section").hasSize(2);
		assertThat(configs).anySatisfy((config) -> {
			assertThat(config.isSentinelConfig()).isTrue();
			assertThat(config.useSentinelServers().getMasterName()).isNotBlank();
			assertThat(config.useSentinelServers().getSentinelAddresses()).hasSizeGreaterThanOrEqualTo(3);
		});
		assertThat(configs).anySatisfy((config) -> {
			assertThat(config.isClusterConfig()).isTrue();
			assertThat(config.useClusterServers().getNodeAddresses()).hasSizeGreaterThanOrEqualTo(3);
		});
		// as the shipped files run: one retry, fail fast
		configs.forEach((config) -> assertThat(config.getNettyThreads()).isZero());
	}

	private static String section() {
		String operations = DeploymentFiles.read("docs/operations.md");
		int start = operations.indexOf("\n## Kubernetes\n");
		assertThat(start).as("docs/operations.md has a Kubernetes section").isNotNegative();
		int end = operations.indexOf("\n## ", start + 1);
		return operations.substring(start, (end < 0) ? operations.length() : end);
	}

}

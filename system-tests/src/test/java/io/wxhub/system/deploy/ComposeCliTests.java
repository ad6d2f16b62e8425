package io.wxhub.system.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A compose implementation itself reads {@code docker-compose.yml}:
 * {@code docker compose} where the plugin is installed, else {@code docker-compose}.
 * {@code config} needs no Docker daemon, so this runs wherever either is installed (set
 * {@code WXHUB_SKIP_COMPOSE_CHECK} to skip it knowingly elsewhere).
 */
class ComposeCliTests {

	@Test
	void composeAcceptsTheFileWithTheExampleEnvironment() throws Exception {
		Result result = compose("--env-file", ".env.example", "--profile", "sandbox", "--profile", "monitoring",
				"config", "--services");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output().lines().map(String::strip).toList())
			.containsExactlyInAnyOrderElementsOf(new ComposeServices().all().keySet());
		assertThat(result.output().lines().map(String::strip).toList()).contains("redis", "token-server-1",
				"token-server-2", "api-proxy", "message-service", "web-auth", "gateway", "sandbox", "prometheus",
				"grafana");
	}

	@Test
	void composeGivesEveryServiceTheEnvironmentTheTestsCheck() throws Exception {
		// what the other deployment tests compute from the file and .env.example is what
		// compose gives the containers (the signing key's JSON included)
		Result result = compose("--env-file", ".env.example", "--profile", "sandbox", "--profile", "monitoring",
				"config");
		assertThat(result.exitCode()).as(result.output()).isZero();
		Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions())).load(result.output());
		Map<String, Map<String, Object>> services = DeploymentFiles.cast(config.get("services"));
		ComposeServices compose = new ComposeServices();
		compose.all().keySet().forEach((name) -> {
			Map<String, String> expected = DeploymentFiles.resolved(compose.environment(name),
					DeploymentFiles.envExample());
			assertThat(DeploymentFiles.environment(services.get(name))).as(name).isEqualTo(expected);
		});
		assertThat(DeploymentFiles.environment(services.get("web-auth"))).containsEntry("WEB_AUTH_SIGNING_KEY",
				DeploymentFiles.envExample().get("WEB_AUTH_SIGNING_KEY"));
	}

	@Test
	void composeRefusesToRunWithoutTheSecrets(@TempDir Path directory) throws Exception {
		Path empty = Files.writeString(directory.resolve("empty.env"), "");
		Result result = compose("--env-file", empty.toString(), "config", "-q");
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("in .env");
	}

	@Test
	void composeRefusesToRunWithoutAnyOneRequiredVariable(@TempDir Path directory) throws Exception {
		Set<String> required = new TreeSet<>();
		DeploymentFiles.references(DeploymentFiles.read("docker-compose.yml").replaceAll("(?m)(^|\\s)#.*$", ""))
			.stream()
			.filter((reference) -> !reference.hasDefault())
			.forEach((reference) -> required.add(reference.name()));
		assertThat(required).contains("WX_APP_SECRET", "WEB_AUTH_PUBLIC_URL", "WEB_AUTH_SIGNING_KEY",
				"WEB_AUTH_TOKEN_SERVER_CLIENT_KEY", "WEB_AUTH_RETURN_TO");
		for (String missing : required) {
			StringBuilder env = new StringBuilder();
			DeploymentFiles.envExample().forEach((name, value) -> {
				if (!name.equals(missing)) {
					env.append(name).append('=').append(value).append('\n');
				}
			});
			Path file = Files.writeString(directory.resolve(missing + ".env"), env);
			Result result = compose("--env-file", file.toString(), "--profile", "sandbox", "--profile", "monitoring",
					"config", "-q");
			assertThat(result.exitCode()).as("without " + missing + ": " + result.output()).isNotZero();
			assertThat(result.output()).as("without " + missing).contains("set " + missing + " in .env");
		}
	}

	private static Result compose(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(composeCommand());
		command.addAll(List.of("--project-directory", DeploymentFiles.root().toString(), "-f",
				DeploymentFiles.root().resolve("docker-compose.yml").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.directory(DeploymentFiles.root().toFile());
		// The secrets come from the env file alone, never from the test's environment.
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("WX_") || name.contains("KEY")
					|| DeploymentFiles.envExample().containsKey(name));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("compose finished").isTrue();
		return new Result(process.exitValue(), output);
	}

	private static List<String> composeCommand() throws IOException, InterruptedException {
		Optional<Path> docker = DeploymentFiles.executable("docker");
		if (docker.isPresent() && succeeds(docker.get().toString(), "compose", "version")) {
			return List.of(docker.get().toString(), "compose");
		}
		Optional<Path> dockerCompose = DeploymentFiles.executable("docker-compose");
		if (dockerCompose.isPresent()) {
			return List.of(dockerCompose.get().toString());
		}
		if (System.getenv("WXHUB_SKIP_COMPOSE_CHECK") != null) {
			Assumptions.abort("no compose CLI; skipped because WXHUB_SKIP_COMPOSE_CHECK is set");
		}
		return fail("docker compose config must check docker-compose.yml but neither `docker compose` nor "
				+ "docker-compose is installed: apt-get install -y docker-compose, or set WXHUB_SKIP_COMPOSE_CHECK=1 "
				+ "to skip this check knowingly");
	}

	private static boolean succeeds(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getInputStream().readAllBytes();
		return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
	}

	private record Result(int exitCode, String output) {
	}

}

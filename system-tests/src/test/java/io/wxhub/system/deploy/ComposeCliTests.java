package io.wxhub.system.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		Result result = compose("--env-file", ".env.example", "--profile", "sandbox", "config", "--services");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output().lines().map(String::strip).toList()).contains("redis", "token-server-1",
				"token-server-2", "api-proxy", "message-service", "gateway", "sandbox");
	}

	@Test
	void composeRefusesToRunWithoutTheSecrets(@TempDir Path directory) throws Exception {
		Path empty = Files.writeString(directory.resolve("empty.env"), "");
		Result result = compose("--env-file", empty.toString(), "config", "-q");
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("in .env");
	}

	private static Result compose(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(composeCommand());
		command.addAll(List.of("--project-directory", DeploymentFiles.root().toString(), "-f",
				DeploymentFiles.root().resolve("docker-compose.yml").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.directory(DeploymentFiles.root().toFile());
		// The secrets come from the env file alone, never from the test's environment.
		builder.environment().keySet().removeIf((name) -> name.startsWith("WX_") || name.contains("KEY"));
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

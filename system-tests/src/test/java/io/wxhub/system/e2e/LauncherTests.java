package io.wxhub.system.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wxhub.testsupport.TestRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command: the launcher starts every service, prints where they are and
 * how to try them, and on Ctrl-C (SIGINT) stops every process it started.
 */
class LauncherTests {

	@Test
	void ctrlCStopsEveryProcessTheLauncherStarted() throws Exception {
		Process launcher = startLauncher();
		StringBuilder output = new StringBuilder();
		CompletableFuture<Boolean> up = CompletableFuture.supplyAsync(() -> readUntilUp(launcher, output));
		try {
			assertThat(up.get(300, TimeUnit.SECONDS)).as(output.toString()).isTrue();
			assertThat(output).contains("token-server", "api-proxy", "message-service", "sandbox",
					"/followers/o6QT0ruIp7HqPn01laGVDpNMMn4p/send");
			List<ProcessHandle> children = launcher.descendants().toList();
			assertThat(children).hasSizeGreaterThanOrEqualTo(4);

			// What Ctrl-C in a terminal sends.
			new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();
			assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
		}
		finally {
			launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
		}
	}

	@Test
	void aTakenPortStopsTheLauncherBeforeItStartsAnything() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(8083));
			Process launcher = startLauncher();
			try {
				String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
				assertThat(launcher.exitValue()).isEqualTo(1);
				assertThat(output).contains("Port 8083 is in use").doesNotContain("Starting");
			}
			finally {
				launcher.descendants().forEach(ProcessHandle::destroyForcibly);
				launcher.destroyForcibly();
			}
		}
	}

	// the launcher's own default Redis prefix: nothing is launched to stay
	private static Process startLauncher() throws IOException {
		return LaunchedSystem.launcher(null);
	}

	private static boolean readUntilUp(Process process, StringBuilder output) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.append(line).append('\n');
				if (line.contains("Ctrl-C stops everything")) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

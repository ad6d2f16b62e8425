package io.wxhub.system.deploy;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The compose stack of {@link ComposeStackTests}, built from the Dockerfile and started
 * with the {@code sandbox} profile and the values of {@code .env.example}, the gateway on
 * a free host port (port 80 may be taken or privileged where the tests run), the sandbox
 * reachable from the test; and the HTTP calls the tests make, redirects not followed.
 */
final class ComposeStack implements AutoCloseable {

	private static final int SANDBOX_PORT = 8090;

	private static final Duration STARTUP = Duration.ofMinutes(20);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ComposeContainer compose;

	/** The gateway's base URL, also the broker's public URL. */
	final String gateway;

	/** The sandbox's base URL. */
	final String sandbox;

	private ComposeStack(ComposeContainer compose, String gateway, String sandbox) {
		this.compose = compose;
		this.gateway = gateway;
		this.sandbox = sandbox;
	}

	/**
	 * Fails without Docker, unless {@code WXHUB_SKIP_COMPOSE_STACK} gives a reason to
	 * skip. Called in a test, not before all: a skip is then reported as the test's, with
	 * its reason.
	 */
	static void dockerOrAKnowingSkip() {
		if (dockerIsAvailable()) {
			return;
		}
		String reason = System.getenv("WXHUB_SKIP_COMPOSE_STACK");
		if (reason != null) {
			Assumptions
				.abort("the compose stack needs Docker; skipped because WXHUB_SKIP_COMPOSE_STACK says: " + reason);
		}
		fail("the compose stack test needs a Docker daemon with the compose plugin, and none answers: start Docker, "
				+ "or set WXHUB_SKIP_COMPOSE_STACK to the reason to skip it knowingly (./test does when there is none)");
	}

	static boolean dockerIsAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	static ComposeStack start() throws IOException {
		File composeFile = DeploymentFiles.root().resolve("docker-compose.yml").toFile();
		int gatewayPort = freePort();
		String gateway = "http://localhost:" + gatewayPort;
		ComposeContainer compose = new ComposeContainer(composeFile).withEnv(DeploymentFiles.envExample())
			.withEnv("COMPOSE_PROFILES", "sandbox")
			.withEnv("GATEWAY_PORT", String.valueOf(gatewayPort))
			.withEnv("WEB_AUTH_PUBLIC_URL", gateway)
			.withBuild(true)
			.withPull(false)
			.withExposedService("sandbox", SANDBOX_PORT,
					Wait.forHttp("/actuator/health/readiness").forStatusCode(200).withStartupTimeout(STARTUP))
			.waitingFor("gateway", Wait.forHealthcheck().withStartupTimeout(STARTUP))
			.withStartupTimeout(STARTUP);
		compose.start();
		return new ComposeStack(compose, gateway, "http://" + compose.getServiceHost("sandbox", SANDBOX_PORT) + ":"
				+ compose.getServicePort("sandbox", SANDBOX_PORT));
	}

	static HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * A GET repeated while the gateway answers 502 (for a minute at most): its DNS entry
	 * for a service may still be settling.
	 */
	static HttpResponse<String> firstGet(String url, String accept) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		HttpResponse<String> response = get(url, accept);
		while (response.statusCode() == 502 && Instant.now().isBefore(deadline)) {
			Thread.sleep(2000);
			response = get(url, accept);
		}
		return response;
	}

	/** A JSON POST, answered 200: its body. */
	static String post(String url, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@Override
	public void close() {
		this.compose.stop();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

package io.wxhub.system.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.wxhub.system.e2e.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox alone for the console's browser tests: one plain-mode account, the demo
 * app's, pushing to a callback URL the test serves.
 */
final class ConsoleSandbox {

	static final String APP = "wx5e1f0ad3c0ffee01";

	static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

	static final String ORIGINAL_ID = "gh_wxhubdemo01";

	/** The sandbox's first demo follower of the app: follows the account. */
	static final String FOLLOWER = "o6QT0ruIp7HqPn01laGVDpNMMn4p";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ServiceProcess process;

	private ConsoleSandbox(ServiceProcess process) {
		this.process = process;
	}

	/**
	 * @param name the process's name, for its log
	 * @param callbackUrl where the account's pushes go
	 */
	static ConsoleSandbox start(String name, String callbackUrl) throws Exception {
		return new ConsoleSandbox(ServiceProcess.start("sandbox", name, Map.of(),
				List.of("--sandbox.accounts[0].app-id=" + APP, "--sandbox.accounts[0].secret=" + SECRET,
						"--sandbox.accounts[0].original-id=" + ORIGINAL_ID,
						"--sandbox.accounts[0].callback-url=" + callbackUrl, "--sandbox.accounts[0].token=wxhubdemo",
						"--sandbox.accounts[0].name=wxhub 演示号", "--sandbox.accounts[0].mode=plain"))
			.awaitReady());
	}

	String url() {
		return this.process.url();
	}

	void stop() {
		this.process.stop();
	}

	/** Back to the configured state: no conversations, logs, faults or tokens. */
	void reset() throws Exception {
		assertThat(HTTP
			.send(HttpRequest.newBuilder(URI.create(url() + "/sandbox/reset"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(204);
	}

	/** An access token of the account, as its backend would get one. */
	String token() throws Exception {
		return json(HttpRequest.newBuilder(
				URI.create(url() + "/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + SECRET)))
			.path("access_token")
			.asString();
	}

	/** A request's JSON answer. */
	static JsonNode json(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.shared().readTree(response.body());
	}

}

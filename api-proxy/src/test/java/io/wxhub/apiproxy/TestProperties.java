package io.wxhub.apiproxy;

import java.time.Duration;
import java.util.List;

import io.wxhub.apiproxy.system.ApiProxyProperties;
import io.wxhub.apiproxy.system.ApiProxyProperties.Client;

import org.springframework.util.unit.DataSize;

/** The proxy's configuration for unit tests, with the shipped defaults. */
public final class TestProperties {

	/** The signing key of proxy tokens in unit tests. */
	public static final String SIGNING_KEY = "unit-test-signing-key-0123456789abcdef";

	private TestProperties() {
	}

	/**
	 * Two clients: {@code all} (both apps, {@code /cgi-bin/**} and {@code /sns/**}) and
	 * {@code limited}.
	 */
	public static ApiProxyProperties withClients() {
		return of(List.of(
				new Client("all", "key-all", List.of("wxapp1", "wxapp2"), List.of("/cgi-bin/**", "/sns/**"), 0),
				new Client("limited", "key-limited", List.of("wxapp1"), List.of("/cgi-bin/get_api_domain_ip"), 5)));
	}

	public static ApiProxyProperties of(List<Client> clients) {
		return new ApiProxyProperties(new ApiProxyProperties.TokenServer("http://127.0.0.1:1", "token-server-key"),
				SIGNING_KEY, clients, List.of("/cgi-bin/", "/datacube/", "/customservice/"), Duration.ofHours(2),
				Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10), DataSize.ofMegabytes(21),
				"wxhub", 0);
	}

}

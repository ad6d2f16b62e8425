package io.wxhub.webauth.system;

import java.net.URI;
import java.util.List;

import io.wxhub.webauth.system.WebAuthProperties.Client;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code return_to} against a client's registered prefixes: only the same scheme, host
 * and port and a path under the prefix; never another host in disguise.
 */
class ReturnToTests {

	private final Client client = new Client("shop",
			List.of("https://shop.example.com/wx/", "http://127.0.0.1:8085/demo/"), List.of("wx0123456789abcdef"));

	@ParameterizedTest
	@CsvSource({ "https://shop.example.com/wx/, true", "https://shop.example.com/wx/orders?id=1, true",
			"HTTPS://SHOP.EXAMPLE.COM/wx/a, true", "https://shop.example.com:443/wx/a, true",
			"http://127.0.0.1:8085/demo/page, true", "https://shop.example.com/other, false",
			"https://shop.example.com/wx, false", "http://shop.example.com/wx/, false",
			"https://shop.example.com:8443/wx/, false", "https://shop.example.com.evil.com/wx/, false",
			"https://shop.example.com@evil.com/wx/, false", "https://evil.com/wx/?https://shop.example.com/wx/, false",
			"https://shop.example.com/wx/../admin, false", "https://shop.example.com/wx/#x, false",
			"//evil.com/wx/, false", "/wx/, false", "http://127.0.0.1:8086/demo/, false" })
	void onlyUnderARegisteredPrefix(String returnTo, boolean allowed) {
		assertThat(this.client.allowsReturnTo(URI.create(returnTo))).as(returnTo).isEqualTo(allowed);
	}

}

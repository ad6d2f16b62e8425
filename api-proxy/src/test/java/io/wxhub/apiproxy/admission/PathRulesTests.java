package io.wxhub.apiproxy.admission;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import io.wxhub.apiproxy.TestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathRulesTests {

	private final PathRules rules = new PathRules(TestProperties.withClients());

	@ParameterizedTest(name = "{0} forwarded: {1}")
	@CsvSource({ "/cgi-bin/get_api_domain_ip, true", "/datacube/getusersummary, true",
			"/customservice/kfaccount/add, true", "/cgi-bin/token, false", "/cgi-bin/stable_token, false",
			"/actuator/health, false", "/sandbox/reset, false", "/cgi-bin, false", "/, false" })
	void forwardsWeChatsPrefixesButNotItsCredentialPaths(String path, boolean forwarded) {
		assertThat(this.rules.isForwarded(path)).isEqualTo(forwarded);
	}

	@ParameterizedTest(name = "{0} plain: {1}")
	@CsvSource({ "/cgi-bin/get_api_domain_ip, true", "/cgi-bin/user/info, true", "/cgi-bin/media/get.jpg, true",
			"/cgi-bin/menu/, true", "/cgi-bin/../sandbox/reset, false", "/cgi-bin/%2e%2e/sandbox/reset, false",
			"/cgi-bin//get_api_domain_ip, false", "/cgi-bin/get_api_domain_ip;x=1, false",
			"/cgi-bin/..%2fsandbox/reset, false", "/cgi-bin/a b, false", "'', false" })
	void onlyPlainPathsPass(String path, boolean plain) {
		assertThat(this.rules.isPlain(path)).isEqualTo(plain);
	}

	/** The rule as a regular expression; the proxy checks it by hand on every call. */
	@Test
	void aPathIsPlainExactlyWhenTheRuleSaysSo() {
		Pattern rule = Pattern.compile("(/[A-Za-z0-9_\\-]+)+(\\.[A-Za-z0-9]+)?/?");
		String alphabet = "//aZ09_-..%;~ ";
		Random random = new Random(11);
		for (int i = 0; i < 200_000; i++) {
			StringBuilder path = new StringBuilder();
			for (int n = random.nextInt(9); n > 0; n--) {
				path.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(this.rules.isPlain(path.toString())).as(path.toString()).isEqualTo(rule.matcher(path).matches());
		}
	}

	@ParameterizedTest(name = "{1} allowed by {0}: {2}")
	@CsvSource({ "/cgi-bin/**, /cgi-bin/user/info, true", "/cgi-bin/**, /datacube/getusersummary, false",
			"/cgi-bin/menu/*, /cgi-bin/menu/create, true", "/cgi-bin/menu/*, /cgi-bin/menu/a/b, false",
			"/cgi-bin/get_api_domain_ip, /cgi-bin/get_api_domain_ip, true",
			"/cgi-bin/get_api_domain_ip, /cgi-bin/openapi/quota/get, false" })
	void clientsMayCallWhatTheirGlobsMatch(String glob, String path, boolean allowed) {
		assertThat(this.rules.allowed(List.of(glob), path)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "/cgi-bin/user/info" })
	void noGlobsAllowNothing(String path) {
		assertThat(this.rules.allowed(List.of(), path)).isFalse();
	}

}

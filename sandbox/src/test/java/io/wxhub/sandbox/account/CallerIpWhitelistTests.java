package io.wxhub.sandbox.account;

import java.util.Map;

import io.wxhub.sandbox.SandboxHttp;
import io.wxhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts given entirely by properties (replacing the demo accounts), with IP whitelists
 * and a daily quota from {@code sandbox.daily-quotas}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=sandbox", "sandbox.accounts[0].app-id=wxlocked0000000001",
				"sandbox.accounts[0].secret=s1", "sandbox.accounts[0].ip-whitelist=10.9.9.9,192.168.0.0/16",
				"sandbox.accounts[1].app-id=wxloopback00000001", "sandbox.accounts[1].secret=s2",
				"sandbox.accounts[1].ip-whitelist=127.0.0.0/8,::1", "sandbox.daily-quotas[/cgi-bin/token]=3" })
class CallerIpWhitelistTests {

	@LocalServerPort
	int port;

	@Test
	void callerOutsideTheWhitelistGets40164() {
		SandboxHttp http = new SandboxHttp(this.port);
		Reply reply = http.get("/cgi-bin/token?grant_type=client_credential&appid=wxlocked0000000001&secret=s1");
		assertThat(reply.errcode()).isEqualTo(40164);
		assertThat(reply.errmsg())
			.matches("invalid ip 127\\.0\\.0\\.1 ipv6 ::ffff:127\\.0\\.0\\.1, not in whitelist rid: [0-9a-f-]{26}");
		Reply stable = http.post("/cgi-bin/stable_token",
				Map.of("grant_type", "client_credential", "appid", "wxlocked0000000001", "secret", "s1"));
		assertThat(stable.errcode()).isEqualTo(40164);
		assertThat(
				http.get("/cgi-bin/token?grant_type=client_credential&appid=wxlocked0000000001&secret=bad").errcode())
			.isEqualTo(40125);
	}

	@Test
	void callerInsideTheWhitelistGetsATokenAndPropertiesSetTheQuota() {
		SandboxHttp http = new SandboxHttp(this.port);
		http.post("/sandbox/reset", null);
		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/cgi-bin/token?grant_type=client_credential&appid=wxloopback00000001&secret=s2")
				.text("access_token")).isNotNull();
		}
		assertThat(http.get("/cgi-bin/token?grant_type=client_credential&appid=wxloopback00000001&secret=s2").errcode())
			.isEqualTo(45009);
	}

	@Test
	void demoAccountsAreReplaced() {
		SandboxHttp http = new SandboxHttp(this.port);
		assertThat(http.get("/sandbox/apps").json().size()).isEqualTo(2);
		assertThat(http.get("/cgi-bin/token?grant_type=client_credential&appid=wx5e1f0ad3c0ffee01&secret=x").errcode())
			.isEqualTo(40013);
	}

}

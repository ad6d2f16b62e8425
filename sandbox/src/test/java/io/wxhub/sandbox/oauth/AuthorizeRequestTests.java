package io.wxhub.sandbox.oauth;

import java.util.List;
import java.util.Optional;

import io.wxhub.sandbox.system.SandboxProperties.Account;
import io.wxhub.sandbox.system.SandboxProperties.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthorizeRequestTests {

	private static final Account OPEN = account(List.of());

	private static final Account RESTRICTED = account(List.of("h5.example.com", " Other.Example.com "));

	@Test
	void aRedirectUriOutsideTheAuthorizationDomainsIs10003() {
		assertThat(request(RESTRICTED, "https://h5.example.com/cb").scope()).isEqualTo(WebAuthScope.BASE);
		assertThat(request(RESTRICTED, "http://other.example.com:8080/x").redirectUri())
			.isEqualTo("http://other.example.com:8080/x");
		for (String elsewhere : List.of("https://evil.example.net/cb", "https://sub.h5.example.com/cb",
				"https://example.com/cb")) {
			assertThatExceptionOfType(AuthorizePageException.class).isThrownBy(() -> request(RESTRICTED, elsewhere))
				.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(10003))
				.withMessage("redirect_uri域名与后台配置不一致");
		}
		assertThat(request(OPEN, "https://anywhere.example.net/cb").account()).isSameAs(OPEN);
	}

	@Test
	void addsCodeAndStateToTheQueryBeforeAnyFragment() {
		assertThat(request(OPEN, "https://a.example/cb", "s").redirectWith("C"))
			.isEqualTo("https://a.example/cb?code=C&state=s");
		assertThat(request(OPEN, "https://a.example/cb?", "s").redirectWith("C"))
			.isEqualTo("https://a.example/cb?code=C&state=s");
		assertThat(request(OPEN, "https://a.example/cb?a=1&", "s").redirectWith("C"))
			.isEqualTo("https://a.example/cb?a=1&code=C&state=s");
		assertThat(request(OPEN, "https://a.example/#/p?q=1", "中 文").redirectWith("C"))
			.isEqualTo("https://a.example/?code=C&state=%E4%B8%AD+%E6%96%87#/p?q=1");
		assertThat(request(OPEN, "https://a.example/cb", null).redirectWith(null))
			.isEqualTo("https://a.example/cb?state=");
	}

	@Test
	void theDisplayedNameFallsBackToTheOriginalIdThenTheAppId() {
		assertThat(OPEN.displayName()).isEqualTo("wxa");
		Account named = new Account("wxa", "s", "gh_a", null, null, null, Mode.PLAIN, List.of(), null, null, List.of());
		assertThat(named.displayName()).isEqualTo("gh_a");
	}

	private static AuthorizeRequest request(Account account, String redirectUri) {
		return request(account, redirectUri, "s");
	}

	private static AuthorizeRequest request(Account account, String redirectUri, String state) {
		return AuthorizeRequest.of((appId) -> Optional.of(account), "wxa", redirectUri, "code", "snsapi_base", state);
	}

	private static Account account(List<String> webAuthDomains) {
		return new Account("wxa", "s", null, null, null, null, Mode.PLAIN, List.of(), null, null, webAuthDomains);
	}

}

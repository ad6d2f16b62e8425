package io.wxhub.sandbox.oauth;

import java.util.Map;

import io.wxhub.sandbox.SandboxHttp.Reply;
import io.wxhub.sandbox.SandboxTestSupport;
import io.wxhub.sandbox.oauth.WebAuthBrowser.Page;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the web authorization tests: a browser on the sandbox's pages, and the
 * {@code /sns} calls a developer's server makes.
 */
abstract class WebAuthTestSupport extends SandboxTestSupport {

	protected static final String BASE = "snsapi_base";

	protected static final String USERINFO = "snsapi_userinfo";

	protected static final String CALLBACK = "https://h5.example.com/callback";

	protected WebAuthBrowser browser;

	@BeforeEach
	void browser() {
		this.browser = new WebAuthBrowser(this.port);
	}

	/**
	 * Walks the authorization as a follower: {@code snsapi_base} redirects at once,
	 * {@code snsapi_userinfo} is allowed on the consent screen.
	 * @param openid the follower, {@code null} for the one signed in by default
	 * @return the code handed to the {@code redirect_uri}
	 */
	protected String authorize(String appId, String openid, String scope) {
		String url = this.browser.authorizeUrl(appId, CALLBACK, scope, "s1");
		Page page = this.browser.open((openid != null) ? url.replace("#", "&openid=" + openid + "#") : url);
		if (USERINFO.equals(scope)) {
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page = this.browser.press(page, "allow", Map.of());
		}
		Map<String, String> parameters = page.redirectParameters();
		assertThat(parameters).containsEntry("state", "s1");
		return parameters.get("code");
	}

	/**
	 * @return the successful exchange of a fresh code
	 */
	protected Reply authorizedTokens(String appId, String secret, String openid, String scope) {
		Reply reply = exchange(appId, secret, authorize(appId, openid, scope));
		assertThat(reply.text("access_token")).as(reply.body()).isNotNull();
		return reply;
	}

	protected Reply exchange(String appId, String secret, String code) {
		return this.http.get("/sns/oauth2/access_token?appid={a}&secret={s}&code={c}&grant_type=authorization_code",
				appId, secret, code);
	}

	protected Reply refresh(String appId, String refreshToken) {
		return this.http.get("/sns/oauth2/refresh_token?appid={a}&grant_type=refresh_token&refresh_token={r}", appId,
				refreshToken);
	}

	protected Reply userInfo(String accessToken, String openid) {
		return this.http.get("/sns/userinfo?access_token={t}&openid={o}&lang=zh_CN", accessToken, openid);
	}

	protected Reply auth(String accessToken, String openid) {
		return this.http.get("/sns/auth?access_token={t}&openid={o}", accessToken, openid);
	}

}

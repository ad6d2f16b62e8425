package io.wxhub.sandbox.oauth;

import java.util.Map;

import io.wxhub.sandbox.oauth.WebAuthBrowser.Page;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.WxOAuth2UserInfo;
import me.chanjar.weixin.common.bean.oauth2.WxOAuth2AccessToken;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.service.WxOAuth2Service;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unmodified WxJava, its API and open hosts set to the sandbox and the real AppSecret
 * configured: the web authorization of an SDK works against the sandbox as against
 * WeChat.
 */
class WxJavaWebAuthTests extends WebAuthTestSupport {

	private WxOAuth2Service oauth;

	@BeforeEach
	void wxJava() {
		String sandbox = "http://127.0.0.1:" + this.port;
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setAppId(APP);
		config.setSecret(SECRET);
		config.setHostConfig(new WxMpHostConfig(sandbox, sandbox, WxMpHostConfig.MP_DEFAULT_HOST_URL));
		WxMpService wx = new WxMpServiceImpl();
		wx.setWxMpConfigStorage(config);
		this.oauth = wx.getOAuth2Service();
	}

	@Test
	void theWholeFlowOfSnsapiUserinfo() throws WxErrorException {
		String url = this.oauth.buildAuthorizationUrl(CALLBACK, WxConsts.OAuth2Scope.SNSAPI_USERINFO, "wx-state");
		assertThat(url).startsWith("http://127.0.0.1:" + this.port + "/connect/oauth2/authorize?appid=" + APP)
			.endsWith("#wechat_redirect");
		Page consent = this.browser.open(url);
		assertThat(consent.status()).as(consent.body()).isEqualTo(200);
		Map<String, String> back = this.browser.press(consent, "allow", Map.of()).redirectParameters();
		assertThat(back).containsEntry("state", "wx-state");

		WxOAuth2AccessToken token = this.oauth.getAccessToken(back.get("code"));
		assertThat(token.getOpenId()).isEqualTo(demoFollower(APP, 1));
		assertThat(token.getScope()).isEqualTo(WxConsts.OAuth2Scope.SNSAPI_USERINFO);
		assertThat(token.getExpiresIn()).isEqualTo(7200);
		assertThat(token.getUnionId()).isNotBlank();

		WxOAuth2UserInfo user = this.oauth.getUserInfo(token, null);
		assertThat(user.getOpenid()).isEqualTo(token.getOpenId());
		assertThat(user.getNickname()).isEqualTo("小明");
		assertThat(user.getUnionId()).isEqualTo(token.getUnionId());
		assertThat(user.getHeadImgUrl()).endsWith("/avatar/132");
		assertThat(user.getPrivileges()).isEmpty();
		assertThat(this.oauth.validateAccessToken(token)).isTrue();

		WxOAuth2AccessToken refreshed = this.oauth.refreshAccessToken(token.getRefreshToken());
		assertThat(refreshed.getOpenId()).isEqualTo(token.getOpenId());
		assertThat(refreshed.getRefreshToken()).isEqualTo(token.getRefreshToken());
		assertThat(this.oauth.validateAccessToken(refreshed)).isTrue();

		assertThatThrownBy(() -> this.oauth.getAccessToken(back.get("code"))).isInstanceOf(WxErrorException.class)
			.satisfies((ex) -> assertThat(((WxErrorException) ex).getError().getErrorCode()).isEqualTo(40163));
	}

	@Test
	void snsapiBaseGivesTheOpenidOnly() throws WxErrorException {
		String url = this.oauth.buildAuthorizationUrl(CALLBACK, WxConsts.OAuth2Scope.SNSAPI_BASE, "b");
		WxOAuth2AccessToken token = this.oauth.getAccessToken(this.browser.open(url).redirectParameters().get("code"));
		assertThat(token.getOpenId()).isEqualTo(demoFollower(APP, 1));
		assertThat(token.getUnionId()).isNull();
		assertThatThrownBy(() -> this.oauth.getUserInfo(token, "zh_CN")).isInstanceOf(WxErrorException.class)
			.satisfies((ex) -> assertThat(((WxErrorException) ex).getError().getErrorCode()).isEqualTo(48001));
		WxOAuth2AccessToken forged = new WxOAuth2AccessToken();
		forged.setAccessToken("SBXU_forged");
		forged.setOpenId(token.getOpenId());
		assertThat(this.oauth.validateAccessToken(forged)).isFalse();
	}

	@Test
	void aWrongSecretIs40125() {
		assertThatThrownBy(() -> this.oauth.getAccessToken(APP, "wrong", authorize(APP, null, BASE)))
			.isInstanceOf(WxErrorException.class)
			.satisfies((ex) -> assertThat(((WxErrorException) ex).getError().getErrorCode()).isEqualTo(40125));
	}

}

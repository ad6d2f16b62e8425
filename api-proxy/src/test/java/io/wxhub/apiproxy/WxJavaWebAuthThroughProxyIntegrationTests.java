package io.wxhub.apiproxy;

import java.util.List;

import io.wxhub.protocol.signature.JsSdkSignature;
import io.wxhub.sandbox.follower.DemoFollowers;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.WxJsapiSignature;
import me.chanjar.weixin.common.bean.WxOAuth2UserInfo;
import me.chanjar.weixin.common.bean.oauth2.WxOAuth2AccessToken;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.service.WxOAuth2Service;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.wxhub.apiproxy.ProxyCluster.APP;
import static io.wxhub.apiproxy.ProxyCluster.APP_SECRET;
import static io.wxhub.apiproxy.ProxyCluster.CLIENT_KEY;
import static io.wxhub.apiproxy.ProxyCluster.get;
import static io.wxhub.apiproxy.ProxyCluster.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unmodified WxJava's web authorization and JS-SDK signature through the proxy: its
 * API host is the proxy and its "secret" a client key; only the authorization page is the
 * sandbox's, as it is WeChat's. The code exchange reaches the sandbox through the token
 * server with the AppSecret; the user's calls go through as they are; the ticket is the
 * token server's. Nothing of it is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxJavaWebAuthThroughProxyIntegrationTests {

	private static final String CALLBACK = "https://h5.example.com/wx/callback?from=menu";

	private static ProxyCluster cluster;

	private static WxMpService wx;

	private static WxOAuth2Service oauth;

	@BeforeAll
	static void start() {
		cluster = ProxyCluster.start(List.of(), List.of());
		String proxy = cluster.startProxy();
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setAppId(APP);
		config.setSecret(CLIENT_KEY);
		// the API host is the proxy; the authorization page is WeChat's (the sandbox's)
		config.setHostConfig(new WxMpHostConfig(proxy, cluster.sandboxUrl(), WxMpHostConfig.MP_DEFAULT_HOST_URL));
		wx = new WxMpServiceImpl();
		wx.setWxMpConfigStorage(config);
		oauth = wx.getOAuth2Service();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void snsapiUserinfoFromCodeToProfileRefreshAndCheck(CapturedOutput output) throws WxErrorException {
		String code = WebAuthorizationPage
			.code(oauth.buildAuthorizationUrl(CALLBACK, WxConsts.OAuth2Scope.SNSAPI_USERINFO, "s1"));
		WxOAuth2AccessToken token = oauth.getAccessToken(code);
		assertThat(token.getOpenId()).isEqualTo(DemoFollowers.openid(APP, 1));
		assertThat(token.getScope()).isEqualTo(WxConsts.OAuth2Scope.SNSAPI_USERINFO);
		assertThat(token.getExpiresIn()).isBetween(7000, 7200);
		assertThat(token.getUnionId()).isNotBlank();

		WxOAuth2UserInfo user = oauth.getUserInfo(token, "zh_CN");
		assertThat(user.getOpenid()).isEqualTo(token.getOpenId());
		assertThat(user.getNickname()).isEqualTo("小明");
		assertThat(user.getUnionId()).isEqualTo(token.getUnionId());
		assertThat(oauth.validateAccessToken(token)).isTrue();

		WxOAuth2AccessToken refreshed = oauth.refreshAccessToken(token.getRefreshToken());
		assertThat(refreshed.getOpenId()).isEqualTo(token.getOpenId());
		assertThat(oauth.validateAccessToken(refreshed)).isTrue();
		WxOAuth2AccessToken forged = new WxOAuth2AccessToken();
		forged.setAccessToken("forged-user-token");
		forged.setOpenId(token.getOpenId());
		assertThat(oauth.validateAccessToken(forged)).isFalse();

		// the user's token was WeChat's (the sandbox's) own, untouched by the proxy
		JsonNode grant = json(get(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/oauth2")).path("grants");
		assertThat(grant.toString()).contains(refreshed.getAccessToken()).contains(token.getRefreshToken());
		assertThat(output.getAll()).doesNotContain(APP_SECRET)
			.doesNotContain(code)
			.doesNotContain(token.getAccessToken())
			.doesNotContain(refreshed.getAccessToken())
			.doesNotContain(token.getRefreshToken())
			.contains("api=/sns/oauth2/access_token method=GET outcome=ok")
			.contains("api=/sns/userinfo method=GET outcome=ok")
			.contains("api=/sns/oauth2/refresh_token method=GET outcome=ok")
			.contains("api=/sns/auth method=GET outcome=ok");
	}

	@Test
	void snsapiBaseGivesTheOpenid() throws WxErrorException {
		String code = WebAuthorizationPage
			.code(oauth.buildAuthorizationUrl(CALLBACK, WxConsts.OAuth2Scope.SNSAPI_BASE, "s2"));
		WxOAuth2AccessToken token = oauth.getAccessToken(code);
		assertThat(token.getOpenId()).isEqualTo(DemoFollowers.openid(APP, 1));
		assertThat(token.getScope()).isEqualTo(WxConsts.OAuth2Scope.SNSAPI_BASE);
		// WeChat's refusal of a profile read with a snsapi_base token, passed through
		assertThatThrownBy(() -> oauth.getUserInfo(token, "zh_CN")).isInstanceOfSatisfying(WxErrorException.class,
				(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(48001));
	}

	@Test
	void aCodeUsedTwiceGetsWeChats40163() throws WxErrorException {
		String code = WebAuthorizationPage
			.code(oauth.buildAuthorizationUrl(CALLBACK, WxConsts.OAuth2Scope.SNSAPI_BASE, "s3"));
		oauth.getAccessToken(code);
		assertThatThrownBy(() -> oauth.getAccessToken(code)).isInstanceOfSatisfying(WxErrorException.class,
				(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(40163));
	}

	@Test
	void jsapiSignaturesAreMadeWithTheSandboxsTicket(CapturedOutput output) throws WxErrorException {
		long upstream = cluster.upstreamCalls("/cgi-bin/ticket/getticket");
		String url = "https://h5.example.com/page?x=1";
		WxJsapiSignature signature = wx.createJsapiSignature(url);
		String ticket = json(get(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/tickets")).path("jsapi")
			.path("current")
			.path("value")
			.asString();
		assertThat(ticket).isNotBlank();
		assertThat(signature.getAppId()).isEqualTo(APP);
		assertThat(signature.getSignature())
			.isEqualTo(JsSdkSignature.sign(ticket, signature.getNonceStr(), signature.getTimestamp(), url));
		// the token server fetched it (once); WxJava's forced refreshes ask the proxy
		long fetched = cluster.upstreamCalls("/cgi-bin/ticket/getticket");
		assertThat(fetched).isLessThanOrEqualTo(upstream + 1);
		for (int i = 0; i < 5; i++) {
			assertThat(wx.getJsapiTicket(true)).isEqualTo(ticket);
		}
		assertThat(cluster.upstreamCalls("/cgi-bin/ticket/getticket")).isEqualTo(fetched);
		assertThat(output.getAll()).doesNotContain(ticket).doesNotContain(APP_SECRET);
	}

}

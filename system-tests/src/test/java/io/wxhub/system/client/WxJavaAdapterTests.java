package io.wxhub.system.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import io.wxhub.client.WxhubTokens;
import io.wxhub.client.wxjava.WxhubMpConfigStorage;
import me.chanjar.weixin.common.bean.WxJsapiSignature;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.wxhub.system.client.TokenServerStack.APP;
import static io.wxhub.system.client.TokenServerStack.REFRESH_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An unmodified WxJava whose only wxhub part is its config storage calls WeChat (the
 * sandbox) directly: menus, a customer-service message and a JS-SDK signature work
 * without the AppSecret, and when another holder of the secret kills its token, its next
 * call succeeds after exactly one refresh at the token server; WxJava itself never asks
 * WeChat for a token. Its own stack: the rotation would disturb the shared one's tests.
 */
class WxJavaAdapterTests {

	private static final String FOLLOWER = "o6QT0ruIp7HqPn01laGVDpNMMn4p";

	private static TokenServerStack stack;

	@BeforeAll
	static void start() {
		stack = new TokenServerStack(List.of(), List.of());
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void wxJavaWorksWithCentralTokensAndSurvivesARotationWithOneRefresh() throws Exception {
		WxhubTokens tokens = stack.client().build();
		WxMpService wechat = wxJava(tokens);
		long tokenFetchesBefore = stack.upstreamCalls(APP, "/cgi-bin/token");

		wechat.getMenuService().menuCreate(menu("今日歌曲"));
		assertThat(wechat.getMenuService().menuGet().getMenu().getButtons()).extracting("name").containsExactly("今日歌曲");
		assertThat(wechat.getKefuService()
			.sendKefuMessage(WxMpKefuMessage.TEXT().toUser(FOLLOWER).content("您的订单已发货").build())).isTrue();
		WxJsapiSignature signature = wechat.createJsapiSignature("https://wxhub.example/page?x=1");
		String ticket = tokens.jsapiTicket(APP);
		assertThat(stack.ticketValid(APP, ticket)).isTrue();
		assertThat(signature.getSignature()).isEqualTo(sha1("jsapi_ticket=" + ticket + "&noncestr="
				+ signature.getNonceStr() + "&timestamp=" + signature.getTimestamp() + "&url=" + signature.getUrl()));

		String before = tokens.accessToken(APP);
		long refreshesBefore = stack.served(REFRESH_URI);
		stack.rotateBehindWxhubsBack(APP);
		assertThat(stack.tokenValid(APP, before)).isFalse();

		// WeChat answers 40001 to the cached token; WxJava retries after the storage's
		// compare-and-refresh
		wechat.getMenuService().menuCreate(menu("新品上市"));
		assertThat(wechat.getMenuService().menuGet().getMenu().getButtons()).extracting("name").containsExactly("新品上市");
		String after = tokens.accessToken(APP);
		assertThat(after).isNotEqualTo(before);
		assertThat(stack.tokenValid(APP, after)).isTrue();
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(15))
			.until(() -> stack.served(REFRESH_URI), (served) -> served == refreshesBefore + 1);
		// the token server's one refresh: WxJava never asked WeChat for a token
		assertThat(stack.upstreamCalls(APP, "/cgi-bin/token")).isEqualTo(tokenFetchesBefore + 1);
	}

	@Test
	void theStorageShowsNoTokenAndNeedsNoSecret() {
		WxhubTokens tokens = stack.client().build();
		WxhubMpConfigStorage storage = new WxhubMpConfigStorage(tokens, APP);
		String token = storage.getAccessToken();
		assertThat(storage.getSecret()).isNull();
		assertThat(storage.isAccessTokenExpired()).isFalse();
		assertThat(storage.toString()).contains(APP).doesNotContain(token).doesNotContain(TokenServerStack.KEY);
	}

	private static WxMpService wxJava(WxhubTokens tokens) {
		WxhubMpConfigStorage storage = new WxhubMpConfigStorage(tokens, APP);
		storage.setHostConfig(new WxMpHostConfig(stack.sandboxUrl(), WxMpHostConfig.OPEN_DEFAULT_HOST_URL,
				WxMpHostConfig.MP_DEFAULT_HOST_URL));
		WxMpService wechat = new WxMpServiceImpl();
		wechat.setWxMpConfigStorage(storage);
		return wechat;
	}

	private static WxMenu menu(String name) {
		WxMenuButton button = new WxMenuButton();
		button.setType("click");
		button.setName(name);
		button.setKey("KEY_" + Math.abs(name.hashCode()));
		WxMenu menu = new WxMenu();
		menu.getButtons().add(button);
		return menu;
	}

	private static String sha1(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}

package io.wxhub.apiproxy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import io.wxhub.sandbox.follower.DemoFollowers;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.bean.result.WxMediaUploadResult;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.menu.WxMpMenu;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.wxhub.apiproxy.ProxyCluster.APP;
import static io.wxhub.apiproxy.ProxyCluster.CLIENT_KEY;
import static io.wxhub.apiproxy.ProxyCluster.get;
import static io.wxhub.apiproxy.ProxyCluster.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unmodified WxJava, its API host set to the proxy and a client key as its "secret":
 * every call goes through the proxy to the sandbox, whose state shows the effect.
 */
class WxJavaThroughProxyIntegrationTests {

	private static ProxyCluster cluster;

	private static WxMpService wx;

	private static final String FOLLOWER = DemoFollowers.openid(APP, 1);

	@BeforeAll
	static void start() {
		cluster = ProxyCluster.start(List.of(), List.of());
		String proxy = cluster.startProxy();
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setAppId(APP);
		config.setSecret(CLIENT_KEY);
		config.setHostConfig(
				new WxMpHostConfig(proxy, WxMpHostConfig.OPEN_DEFAULT_HOST_URL, WxMpHostConfig.MP_DEFAULT_HOST_URL));
		wx = new WxMpServiceImpl();
		wx.setWxMpConfigStorage(config);
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void createsReadsAndDeletesAMenu() throws WxErrorException {
		WxMenuButton click = new WxMenuButton();
		click.setType("click");
		click.setName("今日歌曲");
		click.setKey("V1001_TODAY_MUSIC");
		WxMenuButton view = new WxMenuButton();
		view.setType("view");
		view.setName("搜索");
		view.setUrl("http://www.soso.com/");
		WxMenu menu = new WxMenu();
		menu.setButtons(List.of(click, view));

		wx.getMenuService().menuCreate(menu);
		JsonNode stored = sandbox("/cgi-bin/get_current_selfmenu_info");
		assertThat(stored.path("is_menu_open").asInt()).isEqualTo(1);
		assertThat(stored.path("selfmenu_info").path("button").get(0).path("name").asString()).isEqualTo("今日歌曲");

		WxMpMenu read = wx.getMenuService().menuGet();
		assertThat(read.getMenu().getButtons()).extracting(WxMenuButton::getName).containsExactly("今日歌曲", "搜索");

		wx.getMenuService().menuDelete();
		assertThat(sandbox("/cgi-bin/get_current_selfmenu_info").path("is_menu_open").asInt()).isZero();
	}

	@Test
	void sendsACustomerServiceMessage() throws WxErrorException {
		boolean sent = wx.getKefuService()
			.sendKefuMessage(WxMpKefuMessage.TEXT().toUser(FOLLOWER).content("您好, from WxJava").build());
		assertThat(sent).isTrue();
		JsonNode messages = json(get(cluster.sandboxUrl() + "/sandbox/apps/" + APP + "/messages?openid=" + FOLLOWER));
		JsonNode last = messages.get(messages.size() - 1);
		assertThat(last.path("msgtype").asString()).isEqualTo("text");
		assertThat(last.path("body").toString()).contains("您好, from WxJava");
	}

	@Test
	void weChatErrorsReachTheSdkAsWeChatErrors() {
		String stranger = DemoFollowers.openid(APP, 3);
		assertThatThrownBy(() -> wx.getKefuService()
			.sendKefuMessage(WxMpKefuMessage.TEXT().toUser(stranger).content("hi").build())).isInstanceOfSatisfying(
					WxErrorException.class, (ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(43004));
	}

	@Test
	void uploadsAndDownloadsFiveMegabytesByteExact() throws Exception {
		byte[] image = new byte[5 * 1024 * 1024];
		new Random(42).nextBytes(image);
		WxMediaUploadResult uploaded = wx.getMaterialService()
			.mediaUpload("image", "jpg", new ByteArrayInputStream(image));
		assertThat(uploaded.getMediaId()).isNotBlank();
		File downloaded = wx.getMaterialService().mediaDownload(uploaded.getMediaId());
		try {
			assertThat(Files.readAllBytes(downloaded.toPath())).isEqualTo(image);
		}
		finally {
			Files.deleteIfExists(downloaded.toPath());
		}
	}

	@Test
	void readsUserInfo() throws WxErrorException {
		WxMpUser user = wx.getUserService().userInfo(FOLLOWER);
		assertThat(user.getOpenId()).isEqualTo(FOLLOWER);
		assertThat(user.getSubscribe()).isTrue();
	}

	/**
	 * Reads WeChat's own view straight from the sandbox, with the token server's real
	 * token (a token fetched with the AppSecret here would rotate it behind the proxy's
	 * back).
	 */
	private static JsonNode sandbox(String path) {
		String real = json(ProxyCluster
			.send(HttpRequest.newBuilder(URI.create(cluster.tokenServerUrl() + "/v1/apps/" + APP + "/access-token"))
				.header("Authorization", "Bearer " + ProxyCluster.TOKEN_SERVER_KEY)))
			.path("accessToken")
			.asString();
		return json(get(cluster.sandboxUrl() + path + "?access_token=" + real));
	}

}

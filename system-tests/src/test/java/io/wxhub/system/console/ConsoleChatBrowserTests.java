package io.wxhub.system.console;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import io.wxhub.system.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.wxhub.system.console.AccountServer.field;
import static io.wxhub.system.console.ConsoleSandbox.APP;
import static io.wxhub.system.console.ConsoleSandbox.FOLLOWER;
import static io.wxhub.system.console.ConsoleSandbox.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's chat beyond text, in a real headless Chromium against a sandbox alone
 * whose account's server records every push: a picture from disk, a location and a link
 * from the "+" panel, the account's menu at the bottom, and its QR codes scanned.
 */
class ConsoleChatBrowserTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static ConsoleSandbox sandbox;

	private static AccountServer account;

	private ChromeDriver browser;

	@BeforeAll
	static void start() throws Exception {
		account = AccountServer.start();
		sandbox = ConsoleSandbox.start("console-chat-sandbox", account.callbackUrl(APP));
	}

	@AfterAll
	static void stop() {
		sandbox.stop();
		account.stop();
	}

	@BeforeEach
	void openBrowser() throws Exception {
		sandbox.reset();
		account.clear();
		this.browser = HeadlessChromium.open(1280, 800);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void aPictureFromDiskBecomesSandboxMediaAndAnImageReplyShowsAsThePicture(@TempDir Path files) throws Exception {
		Path png = files.resolve("照片.png");
		BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x07c160);
		ImageIO.write(image, "png", png.toFile());
		// the account answers with the same picture, by its MediaId
		account.replyWith("<xml><ToUserName><![CDATA[{openid}]]></ToUserName><FromUserName><![CDATA[gh_wxhubdemo01]]>"
				+ "</FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[image]]></MsgType>"
				+ "<Image><MediaId><![CDATA[{mediaId}]]></MediaId></Image></xml>");
		openChat();

		this.browser.findElement(By.id("more")).click();
		WebElement picker = this.browser.findElement(By.id("image-file"));
		assertThat(picker.getAccessibleName()).isEqualTo("图片");
		picker.sendKeys(png.toString());

		String pushed = account.next();
		assertThat(field(pushed, "MsgType")).isEqualTo("image");
		String mediaId = field(pushed, "MediaId");
		String picUrl = field(pushed, "PicUrl");
		assertThat(picUrl).isEqualTo(sandbox.url() + "/sandbox/media/" + mediaId);
		HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(URI.create(picUrl)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.body()).isEqualTo(Files.readAllBytes(png));

		waitUntil(() -> lines().size() == 2);
		WebElement sent = lines().get(0).findElement(By.tagName("img"));
		assertThat(lines().get(0).getDomAttribute("class")).isEqualTo("in");
		assertThat(sent.getDomAttribute("src")).isEqualTo(picUrl);
		WebElement answered = lines().get(1).findElement(By.tagName("img"));
		assertThat(lines().get(1).getDomAttribute("data-kind")).isEqualTo("passive-reply");
		assertThat(answered.getDomAttribute("src")).isEqualTo("/sandbox/media/" + mediaId);
		waitUntil(() -> loaded(sent) && loaded(answered));
		assertThat(((Number) script("return arguments[0].naturalWidth", answered)).intValue()).isEqualTo(24);
		assertThat(text("notice")).isEmpty();
		assertThat(this.browser.findElement(By.id("extras")).isDisplayed()).isFalse();
	}

	@Test
	void aLocationAndALinkReachTheAccountAsEntered() throws Exception {
		openChat();
		this.browser.findElement(By.id("more")).click();
		this.browser.findElement(By.id("choose-location")).click();
		type("latitude", "23.1066");
		type("longitude", "113.3245");
		type("location-label", "广州塔");
		this.browser.findElement(By.id("send-location")).click();
		String location = account.next();
		assertThat(field(location, "MsgType")).isEqualTo("location");
		assertThat(Double.parseDouble(field(location, "Location_X"))).isEqualTo(23.1066);
		assertThat(Double.parseDouble(field(location, "Location_Y"))).isEqualTo(113.3245);
		assertThat(field(location, "Label")).isEqualTo("广州塔");
		waitUntil(() -> lines().size() == 1);
		assertThat(lines().get(0).getText()).contains("广州塔").contains("23.1066");

		this.browser.findElement(By.id("more")).click();
		this.browser.findElement(By.id("choose-link")).click();
		type("link-title", "wxhub 文档");
		type("link-description", "公众号后台的说明");
		type("link-url", "https://example.com/wxhub?page=1");
		this.browser.findElement(By.id("send-link")).click();
		String link = account.next();
		assertThat(field(link, "MsgType")).isEqualTo("link");
		assertThat(field(link, "Title")).isEqualTo("wxhub 文档");
		assertThat(field(link, "Description")).isEqualTo("公众号后台的说明");
		assertThat(field(link, "Url")).isEqualTo("https://example.com/wxhub?page=1");
		waitUntil(() -> lines().size() == 2);
		WebElement card = lines().get(1).findElement(By.tagName("a"));
		assertThat(card.getDomAttribute("href")).isEqualTo("https://example.com/wxhub?page=1");
		assertThat(card.getText()).contains("wxhub 文档").contains("公众号后台的说明");
	}

	@Test
	void invalidInputShowsAnErrorAndSendsNothing(@TempDir Path files) throws Exception {
		openChat();
		this.browser.findElement(By.id("more")).click();
		this.browser.findElement(By.id("choose-location")).click();
		type("latitude", "91");
		type("longitude", "113");
		this.browser.findElement(By.id("send-location")).click();
		waitUntil(() -> text("notice").equals("纬度必须是 -90 到 90 之间的数"));
		assertThat(this.browser.findElement(By.id("latitude")).getDomAttribute("aria-invalid")).isEqualTo("true");
		type("latitude", "23");
		type("longitude", "东经113度");
		this.browser.findElement(By.id("send-location")).click();
		waitUntil(() -> text("notice").equals("经度必须是 -180 到 180 之间的数"));

		this.browser.findElement(By.id("choose-link")).click();
		type("link-description", "描述");
		type("link-url", "https://example.com/");
		this.browser.findElement(By.id("send-link")).click();
		waitUntil(() -> text("notice").equals("链接的标题不能为空"));
		type("link-title", "标题");
		type("link-url", "javascript:alert(1)");
		this.browser.findElement(By.id("send-link")).click();
		waitUntil(() -> text("notice").equals("网址必须以 http:// 或 https:// 开头"));

		Path notAPicture = files.resolve("note.txt");
		Files.writeString(notAPicture, "不是图片");
		this.browser.findElement(By.id("image-file")).sendKeys(notAPicture.toString());
		waitUntil(() -> text("notice").equals("只能发送 PNG、JPEG 或 GIF 图片"));

		account.receivesNothing();
		assertThat(lines()).isEmpty();
		// the forms keep what was typed, to be corrected
		assertThat(this.browser.findElement(By.id("link-title")).getDomProperty("value")).isEqualTo("标题");
	}

	@Test
	void theMenuCreatedByTheAccountSendsClickAndViewEvents() throws Exception {
		String search = sandbox.url() + "/?from=menu";
		openChat();
		assertThat(this.browser.findElement(By.id("menu")).isDisplayed()).isFalse();
		// created while the page is open: it appears without reload
		assertThat(
				cgi("/cgi-bin/menu/create",
						Map.of("button", List.of(Map.of("type", "click", "name", "今日歌曲", "key", "V1001_TODAY_MUSIC"),
								Map.of("name", "菜单", "sub_button",
										List.of(Map.of("type", "view", "name", "搜索", "url", search),
												Map.of("type", "click", "name", "赞一下我们", "key", "V1001_GOOD"),
												Map.of("type", "scancode_push", "name", "扫一扫", "key", "SCAN_1"))))))
					.path("errcode")
					.asInt())
			.isZero();
		waitUntil(() -> this.browser.findElement(By.id("menu")).isDisplayed());
		List<WebElement> top = this.browser.findElements(By.cssSelector("#menu .menu-item"));
		assertThat(top).hasSize(2);
		assertThat(this.browser.findElement(By.cssSelector("#menu")).getAccessibleName()).isEqualTo("公众号菜单");

		top.get(0).findElement(By.tagName("button")).click();
		String click = account.next();
		assertThat(field(click, "Event")).isEqualTo("CLICK");
		assertThat(field(click, "EventKey")).isEqualTo("V1001_TODAY_MUSIC");

		WebElement opener = top.get(1).findElement(By.cssSelector("button.parent"));
		WebElement submenu = top.get(1).findElement(By.cssSelector(".submenu"));
		assertThat(submenu.isDisplayed()).isFalse();
		opener.click();
		assertThat(submenu.isDisplayed()).isTrue();
		assertThat(opener.getDomAttribute("aria-expanded")).isEqualTo("true");
		// a sub-menu opens above its button
		assertThat(submenu.getRect().getY() + submenu.getRect().getHeight())
			.isLessThanOrEqualTo(opener.getRect().getY());
		submenu.findElement(By.xpath(".//button[text()='赞一下我们']")).click();
		assertThat(field(account.next(), "EventKey")).isEqualTo("V1001_GOOD");
		waitUntil(() -> !submenu.isDisplayed());

		// a button the sandbox cannot play says why and sends nothing
		opener.click();
		WebElement scan = submenu.findElement(By.xpath(".//button[text()='扫一扫']"));
		assertThat(scan.getDomAttribute("aria-disabled")).isEqualTo("true");
		assertThat(scan.getDomAttribute("title")).contains("扫码推事件");
		scan.click();
		waitUntil(() -> text("notice").contains("沙盒不能调起扫一扫"));
		account.receivesNothing();

		String chat = this.browser.getWindowHandle();
		opener.click();
		Files.write(Path.of("target/console-chat.png"), this.browser.getScreenshotAs(OutputType.BYTES));
		WebElement view = submenu.findElement(By.linkText("搜索"));
		assertThat(view.getDomAttribute("target")).isEqualTo("_blank");
		assertThat(view.getDomAttribute("rel")).isEqualTo("noopener");
		view.click();
		String pushed = account.next();
		assertThat(field(pushed, "Event")).isEqualTo("VIEW");
		assertThat(field(pushed, "EventKey")).isEqualTo(search);
		waitUntil(() -> this.browser.getWindowHandles().size() == 2);
		String tab = this.browser.getWindowHandles()
			.stream()
			.filter((handle) -> !handle.equals(chat))
			.findFirst()
			.get();
		this.browser.switchTo().window(tab);
		waitUntil(() -> search.equals(this.browser.getCurrentUrl()));
		this.browser.switchTo().window(chat);
		waitUntil(() -> lines().stream().anyMatch((line) -> line.getText().contains("你打开了菜单链接")));
	}

	@Test
	void aQrCodeScannedIsScanForAFollowerAndSubscribeForAnyoneElse() throws Exception {
		JsonNode created = cgi("/cgi-bin/qrcode/create", Map.of("expire_seconds", 600, "action_name", "QR_STR_SCENE",
				"action_info", Map.of("scene", Map.of("scene_str", "poster"))));
		String ticket = created.path("ticket").asString();
		assertThat(ticket).as(created.toString()).isNotEmpty();
		openChat();
		script("window.selections = []; document.addEventListener('console:selection', "
				+ "(event) => window.selections.push(event.detail))");
		WebElement code = waitForCode(ticket);
		assertThat(code.getText()).contains("场景 poster").contains("临时");
		code.findElement(By.tagName("button")).click();
		String scan = account.next();
		assertThat(field(scan, "Event")).isEqualTo("SCAN");
		assertThat(field(scan, "EventKey")).isEqualTo("poster");
		assertThat(field(scan, "Ticket")).isEqualTo(ticket);
		waitUntil(() -> lines().size() == 1);
		assertThat(lines().get(0).getText()).isEqualTo("你扫描了二维码（场景 poster）");

		String former = formerFollower();
		new Select(this.browser.findElement(By.id("follower"))).selectByValue(former);
		waitUntil(() -> former.equals(this.browser.findElement(By.tagName("body")).getDomAttribute("data-openid")));
		assertThat(script("return window.selections.map((s) => s.appId + '/' + s.openid)"))
			.isEqualTo(List.of(APP + "/" + former));
		waitForCode(ticket).findElement(By.tagName("button")).click();
		String subscribe = account.next();
		assertThat(field(subscribe, "Event")).isEqualTo("subscribe");
		assertThat(field(subscribe, "EventKey")).isEqualTo("qrscene_poster");
		assertThat(field(subscribe, "Ticket")).isEqualTo(ticket);
		waitUntil(() -> lines().size() == 1);
		assertThat(lines().get(0).getText()).contains("你扫描二维码关注了该公众号");
		// now a follower
		waitUntil(
				() -> !this.browser.findElement(By.cssSelector("#follower option:checked")).getText().contains("未关注"));
	}

	@Test
	void aNewFollowerGetsTheNicknameGivenAndIsAnnounced() throws Exception {
		openChat();
		type("new-nickname", "张三");
		type("new-openid", "oNicknamed01");
		this.browser.findElement(By.id("create-follower")).click();
		waitUntil(() -> "oNicknamed01"
			.equals(this.browser.findElement(By.tagName("body")).getDomAttribute("data-openid")));
		assertThat(this.browser.findElement(By.cssSelector("#follower option:checked")).getText())
			.isEqualTo("张三（oNicknamed01）");
		assertThat(text("chat-follower")).isEqualTo("粉丝 张三（oNicknamed01）");
		assertThat(text("side-status")).isEqualTo("已新建粉丝 oNicknamed01");
		JsonNode followers = json(
				HttpRequest.newBuilder(URI.create(sandbox.url() + "/sandbox/apps/" + APP + "/followers")));
		assertThat(followers.get(followers.size() - 1).path("nickname").asString()).isEqualTo("张三");
		// the demo followers have theirs
		assertThat(this.browser.findElement(By.cssSelector("#follower option[value='" + FOLLOWER + "']")).getText())
			.isEqualTo("小明（" + FOLLOWER + "）");
	}

	@Test
	void theComposerAndTheMenuAreUsableOnAPhone() throws Exception {
		// a phone's viewport: headless windows do not get narrower than 500 px
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
		cgi("/cgi-bin/menu/create",
				Map.of("button",
						List.of(Map.of("type", "click", "name", "优惠", "key", "OFFER"),
								Map.of("name", "更多服务", "sub_button",
										List.of(Map.of("type", "click", "name", "联系客服", "key", "CONTACT"),
												Map.of("type", "click", "name", "门店", "key", "STORES"))),
								Map.of("type", "miniprogram", "name", "小程序", "url", "https://example.com", "appid",
										"wx1", "pagepath", "pages/index"))));
		openChat();
		int width = ((Number) script("return document.documentElement.clientWidth")).intValue();
		assertThat(width).isEqualTo(390);
		// nothing sticks out sideways
		assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue()).isEqualTo(width);
		waitUntil(() -> this.browser.findElement(By.id("menu")).isDisplayed());
		List<WebElement> top = this.browser.findElements(By.cssSelector("#menu .menu-item"));
		assertThat(top).hasSize(3);
		top.forEach((item) -> assertWithin(item.getRect(), width));

		top.get(1).findElement(By.cssSelector("button.parent")).click();
		WebElement stores = top.get(1).findElement(By.xpath(".//button[text()='门店']"));
		assertThat(stores.isDisplayed()).isTrue();
		assertWithin(stores.getRect(), width);
		stores.click();
		assertThat(field(account.next(), "EventKey")).isEqualTo("STORES");

		this.browser.findElement(By.id("more")).click();
		this.browser.findElement(By.id("choose-location")).click();
		for (String id : List.of("latitude", "longitude", "location-label", "send-location")) {
			WebElement control = this.browser.findElement(By.id(id));
			assertThat(control.isDisplayed()).as(id).isTrue();
			assertWithin(control.getRect(), width);
		}
		type("latitude", "-33.8568");
		type("longitude", "151.2153");
		this.browser.findElement(By.id("send-location")).click();
		String location = account.next();
		assertThat(Double.parseDouble(field(location, "Location_X"))).isEqualTo(-33.8568);
		assertThat(field(location, "Label")).isEmpty();
		waitUntil(() -> lines().size() == 2);
		assertThat(this.browser.findElement(By.id("message")).isDisplayed()).isTrue();
		Files.write(Path.of("target/console-chat-phone.png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

	private void openChat() {
		this.browser.get(sandbox.url() + "/?app=" + APP + "&openid=" + FOLLOWER);
		waitUntil(() -> FOLLOWER.equals(this.browser.findElement(By.tagName("body")).getDomAttribute("data-openid")));
		assertThat(this.browser.findElement(By.tagName("body")).getDomAttribute("data-app-id")).isEqualTo(APP);
	}

	private WebElement waitForCode(String ticket) {
		By code = By.cssSelector("#qrcodes li[data-ticket='" + ticket + "']");
		waitUntil(() -> !this.browser.findElements(code).isEmpty());
		return this.browser.findElement(code);
	}

	private void type(String id, String value) {
		WebElement input = this.browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(value);
	}

	private List<WebElement> lines() {
		return this.browser.findElements(By.cssSelector("#conversation > li"));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private boolean loaded(WebElement image) {
		return Boolean.TRUE.equals(script("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
	}

	private Object script(String source, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(source, arguments);
	}

	private void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until((ignored) -> condition.getAsBoolean());
	}

	private static void assertWithin(Rectangle rect, int width) {
		assertThat(rect.getX()).isGreaterThanOrEqualTo(0);
		assertThat(rect.getX() + rect.getWidth()).isLessThanOrEqualTo(width);
	}

	private static String formerFollower() throws Exception {
		JsonNode followers = json(
				HttpRequest.newBuilder(URI.create(sandbox.url() + "/sandbox/apps/" + APP + "/followers")));
		for (JsonNode follower : followers) {
			if (!follower.path("subscribed").asBoolean()) {
				return follower.path("openid").asString();
			}
		}
		throw new IllegalStateException("no former follower in " + followers);
	}

	private static JsonNode cgi(String path, Object body) throws Exception {
		String token = sandbox.token();
		return json(HttpRequest.newBuilder(URI.create(sandbox.url() + path + "?access_token=" + token))
			.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body),
					StandardCharsets.UTF_8)));
	}

}

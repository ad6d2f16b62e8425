package io.wxhub.system.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.wxhub.system.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import static io.wxhub.system.console.ConsoleSandbox.APP;
import static io.wxhub.system.console.ConsoleSandbox.FOLLOWER;
import static io.wxhub.system.console.ConsoleSandbox.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox console in a real headless browser (Debian's Chromium), against a sandbox
 * alone: its account's server answers 500 unless a test gives it a passive reply, so a
 * follower's message ends with WeChat's unavailable notice; a customer-service message
 * sent later through the API side appears without reload.
 */
class ConsoleBrowserTests {

	private static ConsoleSandbox sandbox;

	/** The account's server: answers 500 unless a test gives it a reply. */
	private static HttpServer callback;

	private static final AtomicReference<String> reply = new AtomicReference<>();

	private WebDriver browser;

	@BeforeAll
	static void start() throws Exception {
		callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		callback.createContext("/", ConsoleBrowserTests::answer);
		callback.start();
		sandbox = ConsoleSandbox.start("console-sandbox",
				"http://127.0.0.1:" + callback.getAddress().getPort() + "/wx/" + APP);
	}

	@AfterAll
	static void stop() {
		sandbox.stop();
		callback.stop(0);
	}

	@AfterEach
	void noReply() {
		reply.set(null);
	}

	// a 500 without a reply, else the reply addressed back to the follower
	private static void answer(HttpExchange exchange) throws IOException {
		String pushed = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String template = reply.get();
		Matcher from = Pattern.compile("<FromUserName><!\\[CDATA\\[(.*?)]]>").matcher(pushed);
		byte[] body = (template != null && from.find())
				? template.replace("{openid}", from.group(1)).getBytes(StandardCharsets.UTF_8) : new byte[0];
		exchange.sendResponseHeaders((template != null) ? 200 : 500, (body.length > 0) ? body.length : -1);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@BeforeEach
	void openBrowser() throws Exception {
		sandbox.reset();
		this.browser = HeadlessChromium.open(1280, 800);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void aFollowerWritesAndCustomerServiceAnswersLive() throws Exception {
		this.browser.get(sandbox.url() + "/");
		waitUntil(() -> FOLLOWER.equals(this.browser.findElement(By.id("follower")).getDomProperty("value")));
		assertThat(this.browser.findElement(By.id("chat-title")).getText()).isEqualTo("wxhub 演示号");
		WebElement message = this.browser.findElement(By.id("message"));
		WebElement send = this.browser.findElement(By.id("send"));
		assertThat(message.getAccessibleName()).isEqualTo("消息");
		assertThat(send.getAccessibleName()).isEqualTo("发送");
		assertThat(this.browser.findElement(By.id("conversation")).getTagName()).isEqualTo("ul");

		// an empty message is refused on the page, and nothing is sent
		send.click();
		waitUntil(() -> text("notice").equals("消息不能为空"));
		assertThat(conversationSize()).isZero();

		message.sendKeys("你好");
		send.click();
		waitUntil(() -> lines().size() == 2);
		List<WebElement> lines = lines();
		assertThat(lines.get(0).getDomAttribute("class")).isEqualTo("in");
		assertThat(lines.get(0).getText()).contains("你好");
		assertThat(lines.get(1).getDomAttribute("data-kind")).isEqualTo("unavailable");
		assertThat(lines.get(1).getText()).isEqualTo("该公众号暂时无法提供服务，请稍后再试");
		waitUntil(() -> text("notice").contains("共尝试 3 次"));
		assertThat(message.getDomProperty("value")).isEmpty();

		// sent later through the API side: appears without reload
		assertThat(customText("稍后回复您")).isZero();
		waitUntil(() -> lines().size() == 3);
		assertThat(lines().get(2).getDomAttribute("class")).isEqualTo("out");
		assertThat(lines().get(2).getDomAttribute("data-kind")).isEqualTo("customer-service");
		assertThat(lines().get(2).getText()).contains("稍后回复您");
		Files.write(Path.of("target/console.png"), ((ChromeDriver) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void followButtonsSendEventsAndNewsShowsAsACard() throws Exception {
		String openid = "oConsoleNews01";
		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.get(sandbox.url() + "/?app=" + APP);
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#follower option")).isEmpty());
		// a follower with a bad OpenID is refused on the page
		this.browser.findElement(By.id("new-openid")).sendKeys("不合法");
		this.browser.findElement(By.id("create-follower")).click();
		waitUntil(() -> text("side-status").contains("OpenID"));
		this.browser.findElement(By.id("new-openid")).clear();
		this.browser.findElement(By.id("new-openid")).sendKeys(openid);
		this.browser.findElement(By.id("create-follower")).click();
		waitUntil(() -> openid.equals(this.browser.findElement(By.id("follower")).getDomProperty("value")));

		this.browser.findElement(By.id("subscribe")).click();
		waitUntil(() -> lines().size() == 2);
		assertThat(lines().get(0).getText()).isEqualTo("你关注了该公众号");
		assertThat(lines().get(1).getDomAttribute("data-kind")).isEqualTo("unavailable");

		// subscribing opened a window for customer-service messages: a news card
		assertThat(custom(openid, Map.of("msgtype", "news", "news", Map.of("articles",
				List.of(Map.of("title", "wxhub 的微博", "description", "关注我们", "url", "https://weibo.com/wxhubdemo",
						"picurl", sandbox.url() + "/sandbox/apps/" + APP + "/followers/" + openid + "/avatar/64"))))))
			.isZero();
		waitUntil(() -> lines().size() == 3);
		WebElement card = lines().get(2).findElement(By.cssSelector(".news"));
		assertThat(card.getAccessibleName()).isEqualTo("图文消息");
		assertThat(card.getText()).contains("wxhub 的微博").contains("关注我们");
		WebElement link = card.findElement(By.tagName("a"));
		assertThat(link.getDomAttribute("href")).isEqualTo("https://weibo.com/wxhubdemo");
		assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
		assertThat(card.findElement(By.tagName("img")).getDomAttribute("src")).endsWith("/avatar/64");

		this.browser.findElement(By.id("unsubscribe")).click();
		waitUntil(() -> lines().size() == 4);
		assertThat(lines().get(3).getText()).isEqualTo("你取消关注了该公众号");
		waitUntil(
				() -> this.browser.findElement(By.cssSelector("#follower option:checked")).getText().endsWith("（未关注）"));
		assertThat(this.browser.findElement(By.id("message")).isDisplayed()).isTrue();
		Files.write(Path.of("target/console-phone.png"),
				((ChromeDriver) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aPassiveNewsReplyShowsItsFirstArticleAfterAMessage() {
		reply.set("<xml><ToUserName><![CDATA[{openid}]]></ToUserName><FromUserName><![CDATA[gh_wxhubdemo01]]>"
				+ "</FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[news]]></MsgType>"
				+ "<ArticleCount>2</ArticleCount><Articles><item><Title><![CDATA[wxhub 的微博]]></Title>"
				+ "<Description><![CDATA[关注我们]]></Description><PicUrl><![CDATA[]]></PicUrl>"
				+ "<Url><![CDATA[https://weibo.com/wxhubdemo]]></Url></item><item><Title><![CDATA[第二篇]]></Title>"
				+ "<Description><![CDATA[]]></Description><PicUrl><![CDATA[]]></PicUrl><Url><![CDATA[]]></Url>"
				+ "</item></Articles></xml>");
		this.browser.get(sandbox.url() + "/?app=" + APP + "&openid=" + FOLLOWER);
		waitUntil(() -> FOLLOWER.equals(this.browser.findElement(By.id("follower")).getDomProperty("value")));
		this.browser.findElement(By.id("message")).sendKeys("微博");
		this.browser.findElement(By.id("send")).click();
		waitUntil(() -> lines().size() == 2);
		WebElement answer = lines().get(1);
		assertThat(answer.getDomAttribute("data-kind")).as(text("notice")).isEqualTo("passive-reply");
		WebElement card = answer.findElement(By.cssSelector(".news"));
		assertThat(card.getText()).contains("wxhub 的微博").contains("关注我们").doesNotContain("第二篇");
		assertThat(card.findElement(By.tagName("a")).getDomAttribute("target")).isEqualTo("_blank");
		assertThat(text("notice")).isEmpty();
	}

	private List<WebElement> lines() {
		return this.browser.findElements(By.cssSelector("#conversation > li"));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until((ignored) -> condition.getAsBoolean());
	}

	private static int conversationSize() throws Exception {
		return json(HttpRequest
			.newBuilder(URI.create(sandbox.url() + "/sandbox/apps/" + APP + "/conversations/" + FOLLOWER))).size();
	}

	private static int customText(String content) throws Exception {
		return custom(FOLLOWER, Map.of("msgtype", "text", "text", Map.of("content", content)));
	}

	private static int custom(String openid, Map<String, Object> message) throws Exception {
		String token = sandbox.token();
		Map<String, Object> addressed = new java.util.LinkedHashMap<>(message);
		addressed.put("touser", openid);
		String body = JsonMapper.shared().writeValueAsString(addressed);
		return json(
				HttpRequest.newBuilder(URI.create(sandbox.url() + "/cgi-bin/message/custom/send?access_token=" + token))
					.POST(HttpRequest.BodyPublishers.ofString(body)))
			.path("errcode")
			.asInt();
	}

}

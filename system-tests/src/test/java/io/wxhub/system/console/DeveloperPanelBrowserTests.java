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
import java.util.function.BooleanSupplier;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.wxhub.system.console.ConsoleSandbox.APP;
import static io.wxhub.system.console.ConsoleSandbox.FOLLOWER;
import static io.wxhub.system.console.ConsoleSandbox.ORIGINAL_ID;
import static io.wxhub.system.console.ConsoleSandbox.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's developer panel in a real headless browser (Debian's Chromium), against a
 * sandbox alone whose account's server answers as each test says (500 by default): the
 * attempts of a push and why the follower saw WeChat's unavailable notice, a failing
 * check of a reply, and a fault injected from the page that shows in the API-call tab
 * without reload.
 */
class DeveloperPanelBrowserTests {

	private static ConsoleSandbox sandbox;

	/** The account's server: answers 500 unless a test gives it a reply. */
	private static HttpServer callback;

	/** The reply to answer with 200, {@code {openid}} standing for the sender. */
	private static final AtomicReference<String> reply = new AtomicReference<>();

	private WebDriver browser;

	@BeforeAll
	static void start() throws Exception {
		callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		callback.createContext("/", DeveloperPanelBrowserTests::answer);
		callback.start();
		sandbox = ConsoleSandbox.start("developer-panel-sandbox",
				"http://127.0.0.1:" + callback.getAddress().getPort() + "/wx/" + APP);
	}

	@AfterAll
	static void stop() {
		sandbox.stop();
		callback.stop(0);
	}

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
		reply.set(null);
		this.browser.quit();
	}

	@Test
	void aFailingCallbackShowsEachAttemptAndWhyTheFollowerSawTheNotice() throws Exception {
		openConsole();
		List<WebElement> tabs = this.browser.findElements(By.cssSelector("#developer [role='tablist'] [role='tab']"));
		assertThat(tabs).extracting(WebElement::getAccessibleName).containsExactly("推送", "接口调用", "故障注入");
		assertThat(this.browser.findElement(By.id("dev-deliveries")).getTagName()).isEqualTo("ol");
		assertThat(this.browser.findElement(By.id("dev-panel-pushes")).getAccessibleName()).isEqualTo("推送");
		// beside the chat at 1280 × 800
		Rectangle phone = this.browser.findElement(By.cssSelector("main.phone")).getRect();
		Rectangle panel = this.browser.findElement(By.id("developer")).getRect();
		assertThat(panel.getX()).isGreaterThanOrEqualTo(phone.getX() + phone.getWidth());
		assertThat(panel.getX() + panel.getWidth()).isLessThanOrEqualTo(1280);

		assertThat(send("你好").path("outcome").asString()).isEqualTo("unavailable");
		waitUntil(() -> deliveries().size() == 1);
		WebElement delivery = deliveries().get(0);
		assertThat(delivery.getDomAttribute("data-outcome")).isEqualTo("unavailable");
		assertThat(delivery.findElement(By.cssSelector("summary")).getText()).contains("文本「你好」")
			.contains("该公众号暂时无法提供服务");
		assertThat(delivery.findElement(By.cssSelector(".dev-reason")).getText())
			.isEqualTo("原因：3 次请求都没有得到有效应答，最后一次：HTTP 500");
		delivery.findElement(By.cssSelector("summary")).click();
		List<WebElement> attempts = delivery.findElements(By.cssSelector(".dev-attempts tbody tr"));
		assertThat(attempts).hasSize(3);
		for (int i = 0; i < 3; i++) {
			assertThat(attempts.get(i).getDomAttribute("class")).isEqualTo("bad");
			assertThat(attempts.get(i).getText()).startsWith(String.valueOf(i + 1)).contains("✗ HTTP 500");
		}
		assertThat(delivery.findElement(By.cssSelector(".dev-body")).getText()).contains("没有 2xx 应答，不做校验")
			.contains("粉丝看到：该公众号暂时无法提供服务，请稍后再试");
		WebElement plain = delivery.findElement(By.cssSelector(".dev-xml pre"));
		delivery.findElement(By.cssSelector(".dev-xml summary")).click();
		assertThat(plain.getText()).contains("<Content><![CDATA[你好]]></Content>");
		Files.write(Path.of("target/developer-panel.png"),
				((ChromeDriver) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aReplyToSomeoneElseShowsTheToUserNameCheckFailing() throws Exception {
		reply.set("<xml><ToUserName><![CDATA[oSomebodyElse]]></ToUserName><FromUserName><![CDATA[" + ORIGINAL_ID
				+ "]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
				+ "<Content><![CDATA[<b>收到</b>]]></Content></xml>");
		openConsole();
		assertThat(send("在吗").path("outcome").asString()).isEqualTo("unavailable");
		waitUntil(() -> deliveries().size() == 1);
		WebElement delivery = deliveries().get(0);
		assertThat(delivery.findElement(By.cssSelector(".dev-reason")).getText())
			.startsWith("原因：应答未通过校验：ToUserName（应为粉丝）")
			.contains("oSomebodyElse");
		delivery.findElement(By.cssSelector("summary")).click();
		WebElement attempt = delivery.findElement(By.cssSelector(".dev-attempts tbody tr"));
		assertThat(attempt.getText()).contains("✓ HTTP 200");
		WebElement toUserName = delivery.findElement(By.cssSelector(".dev-checks li[data-check='toUserName']"));
		assertThat(toUserName.getDomAttribute("data-passed")).isEqualTo("false");
		assertThat(toUserName.getText()).startsWith("✗ ToUserName（应为粉丝）：未通过")
			.contains("oSomebodyElse")
			.contains(FOLLOWER);
		assertThat(toUserName.getCssValue("color")).isEqualTo("rgba(217, 48, 38, 1)");
		WebElement fromUserName = delivery.findElement(By.cssSelector(".dev-checks li[data-check='fromUserName']"));
		assertThat(fromUserName.getDomAttribute("data-passed")).isEqualTo("true");
		// the raw answer is shown as text, never as markup
		List<WebElement> blocks = delivery.findElements(By.cssSelector(".dev-xml"));
		WebElement raw = blocks.stream()
			.filter((block) -> block.findElement(By.tagName("summary")).getText().equals("原始应答"))
			.findFirst()
			.orElseThrow();
		raw.findElement(By.tagName("summary")).click();
		assertThat(raw.findElement(By.tagName("pre")).getText()).contains("<Content><![CDATA[<b>收到</b>]]></Content>");
		assertThat(raw.findElements(By.tagName("b"))).isEmpty();
	}

	@Test
	void aFaultSetOnThePageFailsTheNextCallWhichShowsLiveAtPhoneWidth() throws Exception {
		this.browser.manage().window().setSize(new Dimension(390, 844));
		openConsole();
		// below the chat, full width
		Rectangle phone = this.browser.findElement(By.cssSelector("main.phone")).getRect();
		Rectangle panel = this.browser.findElement(By.id("developer")).getRect();
		assertThat(panel.getY()).isGreaterThanOrEqualTo(phone.getY() + phone.getHeight());
		assertThat(panel.getWidth()).isGreaterThanOrEqualTo(phone.getWidth());
		((JavascriptExecutor) this.browser).executeScript("window.sameDocument = true");

		click("dev-tab-faults");
		assertThat(this.browser.findElement(By.id("dev-panel-faults")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("dev-panel-pushes")).isDisplayed()).isFalse();
		WebElement path = this.browser.findElement(By.id("dev-fault-path"));
		assertThat(path.getAccessibleName()).isEqualTo("接口路径");
		assertThat(this.browser.findElement(By.id("dev-fault-errcode")).getDomProperty("value")).isEqualTo("-1");
		// refused on the page: nothing sent
		path.clear();
		path.sendKeys("/sandbox/reset");
		click("dev-fault-add");
		waitUntil(() -> text("dev-fault-status").startsWith("接口路径须以 /cgi-bin/ 或 /sns/ 开头"));
		WebElement count = this.browser.findElement(By.id("dev-fault-count"));
		path.clear();
		path.sendKeys("/cgi-bin/message/custom/send");
		count.clear();
		count.sendKeys("0");
		click("dev-fault-add");
		waitUntil(() -> text("dev-fault-status").equals("次数须是 1 到 1000 的整数"));
		assertThat(json("GET", "/sandbox/apps/" + APP + "/faults").path("faults").isEmpty()).isTrue();

		count.clear();
		count.sendKeys("1");
		click("dev-fault-add");
		waitUntil(() -> text("dev-fault-status").startsWith("已注入"));
		assertThat(this.browser.findElement(By.cssSelector("#dev-faults li")).getText())
			.contains("/cgi-bin/message/custom/send")
			.contains("errcode -1")
			.contains("还剩 1 次");

		// the other switches: a third party rotates the token
		new Select(this.browser.findElement(By.id("dev-token-mode"))).selectByValue("classic");
		click("dev-token-rotate");
		waitUntil(() -> text("dev-token-status").startsWith("已轮换"));

		String token = sandbox.token();
		assertThat(customText(token, "稍后回复您")).isEqualTo(-1);
		waitUntil(() -> text("dev-faults").equals("无"));

		Files.write(Path.of("target/developer-panel-faults.png"),
				((ChromeDriver) this.browser).getScreenshotAs(OutputType.BYTES));

		click("dev-tab-calls");
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#dev-calls li[data-errcode='-1']")).isEmpty());
		WebElement failed = this.browser.findElement(By.cssSelector("#dev-calls li[data-errcode='-1']"));
		assertThat(failed.getDomAttribute("data-path")).isEqualTo("/cgi-bin/message/custom/send");
		assertThat(failed.getText()).contains("POST /cgi-bin/message/custom/send")
			.contains("errcode -1")
			.contains("?access_token=" + token.substring(0, 4) + "…")
			.doesNotContain(token);
		assertThat(failed.getDomAttribute("class")).isEqualTo("failed");
		assertThat(this.browser.findElement(By.id("dev-calls")).getText()).doesNotContain(token).doesNotContain(SECRET);
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.sameDocument")).isEqualTo(true);
		Files.write(Path.of("target/developer-panel-phone.png"),
				((ChromeDriver) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	private void openConsole() {
		this.browser.get(sandbox.url() + "/?app=" + APP + "&openid=" + FOLLOWER);
		waitUntil(() -> FOLLOWER.equals(this.browser.findElement(By.id("follower")).getDomProperty("value")));
		waitUntil(() -> text("dev-pushes-meta").contains(FOLLOWER));
	}

	private List<WebElement> deliveries() {
		return this.browser.findElements(By.cssSelector("#dev-deliveries > li"));
	}

	private void click(String id) {
		WebElement element = this.browser.findElement(By.id(id));
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until((ignored) -> condition.getAsBoolean());
	}

	private static JsonNode send(String content) throws Exception {
		return ConsoleSandbox.json(HttpRequest
			.newBuilder(URI.create(sandbox.url() + "/sandbox/apps/" + APP + "/followers/" + FOLLOWER + "/send"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JsonMapper.shared().writeValueAsString(Map.of("msgType", "text", "content", content)))));
	}

	private static int customText(String token, String content) throws Exception {
		String body = JsonMapper.shared()
			.writeValueAsString(Map.of("touser", FOLLOWER, "msgtype", "text", "text", Map.of("content", content)));
		return ConsoleSandbox
			.json(HttpRequest
				.newBuilder(URI.create(sandbox.url() + "/cgi-bin/message/custom/send?access_token=" + token))
				.POST(HttpRequest.BodyPublishers.ofString(body)))
			.path("errcode")
			.asInt();
	}

	private static JsonNode json(String method, String path) throws Exception {
		return ConsoleSandbox.json(HttpRequest.newBuilder(URI.create(sandbox.url() + path))
			.method(method, HttpRequest.BodyPublishers.noBody()));
	}

}

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
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import io.wxhub.system.browser.HeadlessChromium;
import io.wxhub.system.e2e.LaunchedSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless browser against the whole system as {@code ./run} starts
 * it: the sandbox pushes to the message-service, whose demo rules answer through passive
 * replies or, when slow, customer-service messages sent through the api-proxy; the
 * developer panel shows the API calls the services made.
 */
class ConsoleSystemBrowserTests {

	private static final String APP = "wx5e1f0ad3c0ffee01";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static LaunchedSystem system;

	/** The menu the launcher created, read before any test replaces it. */
	private static JsonNode launchersMenu;

	private ChromeDriver browser;

	@BeforeAll
	static void launch() throws Exception {
		system = LaunchedSystem.start();
		launchersMenu = json(
				HttpRequest.newBuilder(URI.create(LaunchedSystem.SANDBOX + "/sandbox/apps/" + APP + "/menu")));
	}

	@AfterAll
	static void stop() throws Exception {
		if (system != null) {
			system.close();
		}
	}

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open(1280, 800);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void theLauncherPrintsTheConsoleFirst() {
		String output = system.output();
		assertThat(output.indexOf(LaunchedSystem.SANDBOX + "/")).isNotNegative()
			.isLessThan(output.indexOf("Starting sandbox"));
		// and the demo menu exists, created through the api-proxy
		assertThat(launchersMenu.path("button").path(0).path("key").asString()).isEqualTo("WXHUB_ABOUT");
		assertThat(launchersMenu.path("button").path(1).path("sub_button").path(1).path("url").asString())
			.isEqualTo("http://127.0.0.1:8085/demo/");
	}

	@Test
	void aNewFollowerSubscribesAndIsWelcomed() {
		openAsNewFollower("oConsoleHello01");
		this.browser.findElement(By.id("subscribe")).click();
		waitUntil(() -> lines().size() == 2, Duration.ofSeconds(20));
		assertThat(lines().get(0).getText()).isEqualTo("你关注了该公众号");
		assertThat(lines().get(1).getDomAttribute("data-kind")).isEqualTo("passive-reply");
		assertThat(bubble(lines().get(1))).isEqualTo("Hi~ 终于等到你");
	}

	@Test
	void weiboAnswersWithTheNewsCard() {
		openAsNewFollower("oConsoleWeibo01");
		send("微博");
		waitUntil(() -> lines().size() == 2, Duration.ofSeconds(20));
		WebElement card = lines().get(1).findElement(By.cssSelector(".news"));
		assertThat(card.getText()).contains("wxhub 的微博");
		assertThat(card.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("https://weibo.com/wxhubdemo");
	}

	@Test
	void aSlowRulesLateCustomerServiceReplyAppearsWithoutReload() {
		openAsNewFollower("oConsoleSlow01");
		send("查订单");
		// WeChat got an empty answer in time: the follower sees only their message …
		waitUntil(() -> this.browser.findElement(By.id("notice")).getText().isEmpty() && lines().size() == 1,
				Duration.ofSeconds(10));
		// … and the answer once the 6 s lookup is done, as a customer-service message
		waitUntil(() -> lines().size() == 2, Duration.ofSeconds(30));
		assertThat(lines().get(1).getDomAttribute("data-kind")).isEqualTo("customer-service");
		assertThat(bubble(lines().get(1))).startsWith("你的订单已发货");
	}

	@Test
	void aPictureComesBackAsTheSamePicture(@TempDir Path files) throws Exception {
		Path png = files.resolve("照片.png");
		BufferedImage image = new BufferedImage(32, 20, BufferedImage.TYPE_INT_RGB);
		image.setRGB(5, 5, 0x07c160);
		ImageIO.write(image, "png", png.toFile());
		openAsNewFollower("oConsoleImage01");
		this.browser.findElement(By.id("more")).click();
		this.browser.findElement(By.id("image-file")).sendKeys(png.toString());
		waitUntil(() -> lines().size() == 2, Duration.ofSeconds(20));
		String sent = lines().get(0).findElement(By.tagName("img")).getDomAttribute("src");
		WebElement echoed = lines().get(1).findElement(By.tagName("img"));
		assertThat(lines().get(1).getDomAttribute("data-kind")).isEqualTo("passive-reply");
		// the message-service echoed the MediaId WeChat gave it: the same sandbox media
		String mediaId = sent.substring(sent.lastIndexOf('/') + 1);
		assertThat(sent).isEqualTo(LaunchedSystem.SANDBOX + "/sandbox/media/" + mediaId);
		assertThat(echoed.getDomAttribute("src")).isEqualTo("/sandbox/media/" + mediaId);
		waitUntil(
				() -> Boolean.TRUE.equals(this.browser
					.executeScript("return arguments[0].complete && arguments[0].naturalWidth === 32", echoed)),
				Duration.ofSeconds(10));
	}

	@Test
	void aMenuCreatedThroughTheApiProxyRoutesItsClick() throws Exception {
		String proxyToken = json(HttpRequest.newBuilder(URI.create(LaunchedSystem.API_PROXY
				+ "/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=demo-proxy-client-key")))
			.path("access_token")
			.asString();
		String menu = """
				{"button":[{"type":"click","name":"关于 wxhub","key":"WXHUB_ABOUT"},
				 {"name":"试一试","sub_button":[{"type":"click","name":"查订单（慢）","key":"WXHUB_ORDER"}]},
				 {"type":"view","name":"官网","url":"https://example.com/wxhub"}]}""";
		assertThat(json(HttpRequest
			.newBuilder(URI.create(LaunchedSystem.API_PROXY + "/cgi-bin/menu/create?access_token=" + proxyToken))
			.POST(HttpRequest.BodyPublishers.ofString(menu, StandardCharsets.UTF_8))).path("errcode").asInt()).isZero();
		openAsNewFollower("oConsoleMenu01");
		waitUntil(() -> this.browser.findElement(By.id("menu")).isDisplayed(), Duration.ofSeconds(20));
		WebElement about = this.browser.findElement(By.xpath("//nav[@id='menu']//button[text()='关于 wxhub']"));
		about.click();
		waitUntil(() -> lines().size() == 2, Duration.ofSeconds(20));
		assertThat(lines().get(0).getText()).startsWith("你点击了菜单");
		assertThat(lines().get(1).getDomAttribute("data-kind")).isEqualTo("passive-reply");
		assertThat(bubble(lines().get(1))).contains("菜单「关于 wxhub」");
	}

	@Test
	void anInjectedFailureOfTheLateReplyShowsInTheApiCallList() {
		openAsNewFollower("oConsoleFault01");
		this.browser.findElement(By.id("dev-tab-faults")).click();
		WebElement path = this.browser.findElement(By.id("dev-fault-path"));
		path.clear();
		path.sendKeys("/cgi-bin/message/custom/send");
		WebElement count = this.browser.findElement(By.id("dev-fault-count"));
		count.clear();
		count.sendKeys("1");
		this.browser.findElement(By.id("dev-fault-add")).click();
		waitUntil(() -> this.browser.findElement(By.id("dev-fault-status")).getText().startsWith("已注入"),
				Duration.ofSeconds(10));
		this.browser.findElement(By.id("dev-tab-calls")).click();
		// the slow lookup's answer goes out as a customer-service message: WeChat says -1
		send("查订单");
		By failed = By.cssSelector("#dev-calls li[data-errcode='-1'][data-path='/cgi-bin/message/custom/send']");
		waitUntil(() -> !this.browser.findElements(failed).isEmpty(), Duration.ofSeconds(40));
		// the token the api-proxy swapped in, masked to its first characters
		assertThat(this.browser.findElement(failed).getText()).contains("errcode -1")
			.containsPattern("\\?access_token=[^&\\s]{1,4}…(\\s|&|$)");
	}

	/**
	 * The README's picture of the console: a follower who subscribed, asked for the Weibo
	 * and clicked the menu, with the developer panel's pushes beside the chat.
	 * {@code -Dconsole.screenshot=docs/images/console.png} writes it into the project.
	 */
	@Test
	void aConversationForTheReadme() throws Exception {
		openAsNewFollower("oConsoleTour01");
		this.browser.findElement(By.id("subscribe")).click();
		waitUntil(() -> lines().size() == 2, Duration.ofSeconds(20));
		send("微博");
		waitUntil(() -> lines().size() == 4, Duration.ofSeconds(20));
		waitUntil(() -> this.browser.findElement(By.id("menu")).isDisplayed(), Duration.ofSeconds(20));
		this.browser.findElement(By.xpath("//nav[@id='menu']//button[text()='关于 wxhub']")).click();
		waitUntil(() -> lines().size() == 6, Duration.ofSeconds(20));
		waitUntil(() -> this.browser.findElements(By.cssSelector("#dev-deliveries > li")).size() == 3,
				Duration.ofSeconds(20));
		assertThat(bubble(lines().get(5))).contains("关于 wxhub");
		byte[] picture = this.browser.getScreenshotAs(OutputType.BYTES);
		Files.write(Path.of("target/console.png"), picture);
		String into = System.getProperty("console.screenshot");
		if (into != null) {
			Files.write(LaunchedSystem.root().resolve(into), picture);
		}
	}

	private void openAsNewFollower(String openid) {
		this.browser.get(LaunchedSystem.SANDBOX + "/?app=" + APP);
		waitUntil(() -> !this.browser.findElements(By.cssSelector("#follower option")).isEmpty(),
				Duration.ofSeconds(20));
		this.browser.findElement(By.id("new-openid")).sendKeys(openid);
		this.browser.findElement(By.id("create-follower")).click();
		waitUntil(() -> openid.equals(this.browser.findElement(By.id("follower")).getDomProperty("value")),
				Duration.ofSeconds(20));
	}

	private void send(String text) {
		this.browser.findElement(By.id("message")).sendKeys(text);
		this.browser.findElement(By.id("send")).click();
	}

	private static String bubble(WebElement line) {
		return line.findElement(By.cssSelector(".bubble")).getText();
	}

	private List<WebElement> lines() {
		return this.browser.findElements(By.cssSelector("#conversation > li"));
	}

	private static JsonNode json(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.shared().readTree(response.body());
	}

	private void waitUntil(BooleanSupplier condition, Duration atMost) {
		new WebDriverWait(this.browser, atMost).until((ignored) -> condition.getAsBoolean());
	}

}

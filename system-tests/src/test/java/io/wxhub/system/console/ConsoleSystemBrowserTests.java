package io.wxhub.system.console;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.wxhub.system.browser.HeadlessChromium;
import io.wxhub.system.e2e.LaunchedSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless browser against the whole system as {@code ./run} starts
 * it: the sandbox pushes to the message-service, whose demo rules answer through passive
 * replies or, when slow, customer-service messages sent through the api-proxy.
 */
class ConsoleSystemBrowserTests {

	private static final String APP = "wx5e1f0ad3c0ffee01";

	private static LaunchedSystem system;

	private ChromeDriver browser;

	@BeforeAll
	static void launch() throws Exception {
		system = LaunchedSystem.start();
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

	private void waitUntil(BooleanSupplier condition, Duration atMost) {
		new WebDriverWait(this.browser, atMost).until((ignored) -> condition.getAsBoolean());
	}

}

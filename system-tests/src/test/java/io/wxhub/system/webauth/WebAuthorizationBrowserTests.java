package io.wxhub.system.webauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.wxhub.system.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.web.util.UriComponentsBuilder;

import static io.wxhub.system.webauth.WebAuthStack.APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web authorization through the broker in a real headless browser (Debian's Chromium):
 * the demo internal page starts a sign-in, WeChat (the sandbox) asks for consent, and the
 * page lands with a result it verified against the broker's JWK set. Then what must be
 * refused: a return address on another host, a replayed state, a code used twice
 * (WeChat's 40163), a code WeChat never issued (40029); each a page, never a redirect.
 */
class WebAuthorizationBrowserTests {

	/** The sandbox's first demo follower of the demo app, signed in by default. */
	private static final String FOLLOWER = "o6QT0ruIp7HqPn01laGVDpNMMn4p";

	private static WebAuthStack stack;

	private WebDriver browser;

	@BeforeAll
	static void start() {
		stack = new WebAuthStack();
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open(480, 900);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void aFollowerConsentsAndTheInternalPageGetsAVerifiedOpenid() throws Exception {
		this.browser.get(stack.demoPage());
		this.browser.findElement(By.id("signin-userinfo")).click();
		// WeChat's consent screen, on WeChat's (the sandbox's) host
		waitFor(By.id("allow"));
		assertThat(this.browser.getCurrentUrl()).startsWith(stack.sandbox.url() + "/connect/oauth2/authorize");
		this.browser.findElement(By.id("allow")).click();
		waitFor(By.id("verified"));
		assertThat(this.browser.getCurrentUrl()).startsWith(stack.webAuth.url() + "/demo/page?wxhub_auth=");
		assertThat(text("claim-sub")).isEqualTo(FOLLOWER);
		assertThat(text("claim-app")).isEqualTo(APP);
		assertThat(text("claim-scope")).isEqualTo("snsapi_userinfo");
		assertThat(text("claim-nickname")).isNotBlank();
		assertThat(text("claim-aud")).contains("demo-web");
		Path screenshot = Path.of("target/web-auth-demo.png");
		Files.write(screenshot, ((ChromeDriver) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aSilentSignInNeedsNoClick() {
		this.browser.get(stack.demoPage());
		this.browser.findElement(By.id("signin-base")).click();
		waitFor(By.id("verified"));
		assertThat(text("claim-sub")).isEqualTo(FOLLOWER);
		assertThat(text("claim-scope")).isEqualTo("snsapi_base");
		assertThat(this.browser.findElements(By.id("claim-nickname"))).isEmpty();
	}

	@Test
	void aReturnAddressOnAnotherHostIsRefusedOnAPage() {
		this.browser.get(authorize("https://evil.example.com/demo/"));
		waitFor(By.id("refusal"));
		assertThat(this.browser.findElement(By.id("refusal")).getDomAttribute("data-type"))
			.isEqualTo("return-to-not-allowed");
		assertThat(this.browser.getCurrentUrl()).startsWith(stack.webAuth.url() + "/oauth2/");
	}

	@Test
	void aReplayedStateAndAReusedCodeAreRefusedOnAPage() {
		// the way to WeChat and back, without a browser, to keep the callback's URL
		String toWeChat = location(WebAuthStack.get(authorize(stack.webAuth.url() + "/demo/page")));
		String back = location(WebAuthStack.get(toWeChat.replace("#wechat_redirect", "")));
		assertThat(back).startsWith(stack.webAuth.url() + "/oauth2/" + APP + "/callback?code=");
		this.browser.get(back);
		waitFor(By.id("verified"));
		this.browser.get(back);
		waitFor(By.id("refusal"));
		assertThat(this.browser.findElement(By.id("refusal")).getDomAttribute("data-type")).isEqualTo("expired-state");

		// the same code with a fresh state: WeChat refuses the used code (40163)
		String fresh = location(WebAuthStack.get(authorize(stack.webAuth.url() + "/demo/page")));
		String freshState = UriComponentsBuilder.fromUriString(fresh).build().getQueryParams().getFirst("state");
		String code = UriComponentsBuilder.fromUriString(back).build().getQueryParams().getFirst("code");
		this.browser.get(stack.webAuth.url() + "/oauth2/" + APP + "/callback?code=" + code + "&state=" + freshState);
		waitFor(By.id("refusal"));
		assertThat(this.browser.findElement(By.id("refusal")).getDomAttribute("data-type")).isEqualTo("wechat-refused");
		assertThat(this.browser.getPageSource()).contains("40163");
		assertThat(stack.webAuth.output()).doesNotContain(code);

		// a code WeChat never issued: 40029
		String another = location(WebAuthStack.get(authorize(stack.webAuth.url() + "/demo/page")));
		String anotherState = UriComponentsBuilder.fromUriString(another).build().getQueryParams().getFirst("state");
		this.browser.get(stack.webAuth.url() + "/oauth2/" + APP + "/callback?code=no-such-code&state=" + anotherState);
		waitFor(By.id("refusal"));
		assertThat(this.browser.getPageSource()).contains("40029");
	}

	private String authorize(String returnTo) {
		return stack.webAuth.url() + "/oauth2/" + APP + "/authorize?client=demo-web&scope=snsapi_base&return_to="
				+ URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
	}

	private static String location(java.net.http.HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
		return redirect.headers().firstValue("Location").orElseThrow();
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private void waitFor(By element) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(element));
	}

}

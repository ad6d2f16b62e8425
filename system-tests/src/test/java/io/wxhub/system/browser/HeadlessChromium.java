package io.wxhub.system.browser;

import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its driver (installed by {@code ./test}), headless, for the
 * browser tests.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	/**
	 * A new browser window of the given size; the caller quits it.
	 * @param width the window's width in CSS pixels
	 * @param height the window's height in CSS pixels
	 */
	public static ChromeDriver open(int width, int height) {
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--window-size=" + width + "," + height);
		ChromeDriverService driver = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new ChromeDriver(driver, options);
	}

}

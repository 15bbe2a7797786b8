package org.digestpress.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver (nothing downloaded). Without Chromium a
 * test is skipped with the reason, except in CI (the variable {@code CI} set), where it fails.
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static ChromeDriver start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if (System.getenv("CI") != null) {
                Assertions.fail("CI needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("no /usr/bin/chromium and /usr/bin/chromedriver on this machine");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        return new ChromeDriver(service, options);
    }

    /**
     * Emulates a screen {@code width} CSS pixels wide at a device pixel ratio (headless Chromium
     * cannot make its window narrower than 500 pixels), as a phone when {@code mobile}.
     */
    static void screen(ChromeDriver browser, int width, int height, double ratio, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", ratio, "mobile", mobile));
        ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('resize'));");
    }
}

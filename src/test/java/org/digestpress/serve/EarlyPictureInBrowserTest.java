package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A first start with nothing kept, on a phone: the cover is painted, sharp, while the first build
 * is still going on (held here after its first page), and stays as it is when the build is shown.
 */
class EarlyPictureInBrowserTest {

    /** Builds on a busy two-core machine take seconds; this bounds a wait, it measures nothing. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void theCoverIsPaintedWhileTheFirstBuildGoesOnAndStaysWhenItIsShown() throws Exception {
        Path publication = ServedFixture.copy(temp);
        CountDownLatch mayBuild = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        CompletableFuture<URI> listening = new CompletableFuture<>();
        CompletableFuture<PreviewServer> started = FirstBuildTest.startLater(
                FirstBuildTest.heldAround(mayBuild, 0, mayFinish), publication, listening, null);
        ChromeDriver browser = null;
        try {
            browser = HeadlessChromium.start(1440, 1000);
            JavascriptExecutor js = browser;
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            HeadlessChromium.screen(browser, 390, 844, 2, true);
            browser.get(listening.get(60, TimeUnit.SECONDS).toString());
            // the page has told the server which picture it shows first: the build may start
            wait.until(b -> Boolean.TRUE.equals(js.executeScript("return events.readyState === EventSource.OPEN;")));
            mayBuild.countDown();
            wait.until(b -> Boolean.TRUE.equals(js.executeScript("const s = document.getElementById('page-1');"
                    + "const i = s && s.querySelector('img');"
                    + "return s !== null && s.dataset.shown === 'early' && i.complete && i.naturalWidth > 0;")));
            @SuppressWarnings("unchecked")
            Map<String, Object> early = (Map<String, Object>) js.executeScript("const i = document.querySelector('#page-1 img');"
                    + "return {natural: i.naturalWidth, shown: i.getBoundingClientRect().width,"
                    + " viewer: document.getElementById('pages').clientWidth, status: status === null,"
                    + " state: document.getElementById('bar-state').textContent,"
                    + " contents: document.querySelectorAll('#contents a').length, top: document.getElementById('pages').scrollTop};");
            assertFalse(started.isDone(), "the first build is still held after its first page");
            assertTrue((Boolean) early.get("status"), "no build status yet: " + early);
            assertEquals("building…", early.get("state"));
            assertEquals(0L, early.get("contents"), "the contents come with the build");
            double shown = ((Number) early.get("shown")).doubleValue();
            assertTrue(shown >= 0.9 * ((Number) early.get("viewer")).doubleValue(), "the cover fits the phone: " + early);
            assertTrue(Math.abs(((Number) early.get("natural")).doubleValue() - 2 * shown) <= 2,
                    "twice the pixels at pixel ratio 2: " + early);
            ServeInBrowserTest.screenshot(browser, "early-390.png");

            mayFinish.countDown();
            started.get(120, TimeUnit.SECONDS);
            wait.until(b -> Boolean.TRUE.equals(js.executeScript("const s = document.getElementById('page-1');"
                    + "return status !== null && status.build === 1 && s.dataset.shown === wanted(s);")));
            assertTrue(((Number) js.executeScript("return document.querySelectorAll('#contents a').length;")).intValue() > 0,
                    "the contents came with the build");
            assertEquals(early.get("top"), js.executeScript("return document.getElementById('pages').scrollTop;"),
                    "the cover stays where it was");
        } finally {
            mayBuild.countDown();
            mayFinish.countDown();
            if (browser != null) {
                browser.quit();
            }
            started.get(120, TimeUnit.SECONDS).close();
        }
    }
}

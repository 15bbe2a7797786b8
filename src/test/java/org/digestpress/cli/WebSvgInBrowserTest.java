package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.digestpress.SvgPayloads;
import org.digestpress.SvgPayloads.Payload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a reader of the published web edition does with an image: opens its address, so the SVG
 * is a document of its own in the browser. Debian's headless Chromium opens every SVG a build
 * copied into {@code out/<issue>/images/} and the test asserts that no script ran. The payloads'
 * scripts set {@code window.probe}; that they do run when opened directly is checked first, so a
 * silent probe means something.
 */
class WebSvgInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a script may take to run after the page loaded (an image error comes a moment later). */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium on this machine");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=800,600");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The probe works: each payload of the issue runs its script when opened as it is. */
    @Test
    void theIssuesPayloadsRunWhenOpenedDirectly(@TempDir Path temp) throws IOException {
        for (Payload payload : SvgPayloads.ISSUE) {
            Path svg = temp.resolve("payload-" + SvgPayloads.ISSUE.indexOf(payload) + ".svg");
            Files.writeString(svg, payload.svg());
            assertEquals("ran", open(svg, payload.needsClick()), payload.name() + " did not run: the probe proves nothing");
        }
    }

    /**
     * Every payload through every way into the web edition (article image, front-matter image,
     * cover, logo): if a build copies it at all, the copy runs nothing. Before the SVG check, all
     * four were copied and ran.
     */
    @Test
    void noPayloadCopiedByABuildRuns(@TempDir Path temp) throws IOException {
        List<String> copied = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        int n = 0;
        for (Object[] arguments : SvgScriptTest.payloads().map(a -> a.get()).toList()) {
            SvgScriptTest.Route route = (SvgScriptTest.Route) arguments[0];
            Payload payload = (Payload) arguments[1];
            CliHarness harness = new CliHarness(temp.resolve("run-" + n++));
            Path publication = harness.publication();
            CliHarness.write(publication.resolve(route.svg), payload.bytes());
            route.use(publication);
            Path images = harness.root().resolve("out/2030-01/images");
            CliHarness.Outcome outcome = harness.run("build", publication.resolve("2030-01").toString(), "-o",
                    harness.root().resolve("out/2030-01.pdf").toString(), "--web");
            CliHarness.assertNoJavaNoise(outcome);
            if (!Files.isDirectory(images)) {
                assertEquals(1, outcome.exit(), outcome.err());
                continue;
            }
            for (Path svg : svgs(images)) {
                String what = payload.name() + " as " + route + ", copied to " + svg.getFileName();
                copied.add(what);
                if (open(svg, payload.needsClick()) != null) {
                    ran.add(what);
                }
            }
        }
        assertEquals(List.of(), ran, "scripts ran in SVGs a build copied");
        System.out.println("payload builds that copied SVGs (each opened, none ran): " + copied);
    }

    /** A build of an ordinary issue with links and embedded data: every copied SVG opens, and nothing runs. */
    @Test
    void everySvgOfABuiltEditionOpensWithoutScript(@TempDir Path temp) throws IOException {
        CliHarness harness = new CliHarness(temp);
        Path publication = harness.publication();
        CliHarness.write(publication.resolve("2030-01/images/links.svg"), """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="200">
                  <title>onload and javascript: as words are text</title>
                  <a href="#part"><rect id="part" width="200" height="100" fill="#1f4e79"/></a>
                  <a xlink:href="mailto:news@example.org"><rect y="100" width="200" height="100" fill="#d9822b"/></a>
                </svg>
                """);
        CliHarness.write(publication.resolve("2030-01/news/03-links.md"),
                CliHarness.article("title: Схема\n", "Текст.\n\n![Схема](../images/links.svg)\n"));
        CliHarness.Outcome outcome = harness.run("build", publication.resolve("2030-01").toString(), "-o",
                temp.resolve("out/2030-01.pdf").toString(), "--web");
        assertEquals(0, outcome.exit(), outcome.err());
        List<Path> svgs = svgs(temp.resolve("out/2030-01/images"));
        assertEquals(3, svgs.size(), "the logo, the scheme and the new image: " + svgs);
        for (Path svg : svgs) {
            assertNull(open(svg, false), "a script ran in " + svg.getFileName());
            assertTrue(Boolean.TRUE.equals(script("return document.documentElement.localName === 'svg' "
                    + "&& document.documentElement.getBBox().width > 0;")), svg.getFileName() + " is drawn as an SVG");
        }
    }

    /**
     * Opens {@code svg} as a reader following its address would, clicks its first link when asked,
     * and answers what the payload's script left in {@code window.probe} (null when nothing ran).
     */
    private static Object open(Path svg, boolean click) {
        browser.get("about:blank");
        browser.get(svg.toUri().toString());
        if (click) {
            List<WebElement> links = browser.findElements(By.cssSelector("a"));
            if (!links.isEmpty()) {
                links.get(0).click();
            }
        }
        try {
            return new WebDriverWait(browser, SETTLE).until(b -> script("return window.probe || null;"));
        } catch (org.openqa.selenium.TimeoutException nothingRan) {
            return null;
        }
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static List<Path> svgs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> svgs = files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".svg")).sorted().toList();
            assertFalse(svgs.isEmpty(), "no SVG in " + folder);
            return svgs;
        }
    }
}

package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.digestpress.BuildRequest;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The author's loop in a real browser: Debian's headless Chromium opens the page of
 * {@code digest serve}, the test edits an article on disk as an editor would save it, and the page
 * follows by itself: new title, then the problem of a broken save with its file and line, then the fix.
 */
class ServeInBrowserTest {

    /** Builds on a busy two-core machine take seconds; this bounds a wait, it measures nothing. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void thePageFollowsSavesWithoutReloading() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path article = publication.resolve("2030-01/news/01-zavod.md");
        String original = Files.readString(article);
        BuildRequest request = ServedFixture.request(publication);

        try (PreviewServer server = PreviewServer.start(Pipeline.workspace(), request, List.of(publication),
                List.of(), 0)) {
            WebDriver browser = HeadlessChromium.start(1400, 1000);
            try {
                browser.get(server.address().toString());
                WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
                wait.until(b -> !titles(b).isEmpty());
                assertTrue(titles(browser).contains("В Калуге открылся завод двигателей"), titles(browser).toString());
                assertEquals(List.of("No problems."), problems(browser, "none"));
                assertTrue(browser.findElements(By.cssSelector(".sheet img")).size() > 3, "the pages are shown");
                // The page's Content-Security-Policy lets its own style and script run (the script drew the contents).
                assertEquals("330px", ((JavascriptExecutor) browser).executeScript(
                        "return getComputedStyle(document.querySelector('aside')).width;"));
                wait.until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                        "const i = document.querySelector('.sheet img'); return i.complete && i.naturalWidth > 0;")));
                screenshot(browser, "serve-page.png");
                ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes';");

                // A contents click goes to where the article begins on its page, not to the page's top.
                browser.findElement(By.xpath("//ul[@id='contents']//a[contains(., 'Методика')]")).click();
                Object top = ((JavascriptExecutor) browser).executeScript(
                        "const a = [...document.querySelectorAll('#contents a')].find(a => a.textContent.includes('Методика'));"
                        + "const img = document.querySelector('#page-' + a.dataset.page + ' img').getBoundingClientRect();"
                        + "return img.top + Number(a.dataset.y) * img.height - document.getElementById('pages').getBoundingClientRect().top;");
                assertTrue(Math.abs(((Number) top).doubleValue() - 12) < 30, "the article's heading is at the top: " + top);
                assertTrue(browser.findElement(By.xpath("//ul[@id='contents']//a[contains(., 'Методика')]"))
                        .getAttribute("class").contains("current"), "the article in view is marked in the contents");

                Files.writeString(article, original.replace("В Калуге открылся завод двигателей",
                        "В Калуге открылся второй завод"));
                wait.until(b -> titles(b).contains("В Калуге открылся второй завод"));
                assertEquals("yes", ((JavascriptExecutor) browser).executeScript("return window.sameDocument;"),
                        "the page updated itself, it was not reloaded");

                Files.writeString(article, original.replace("lead: Новое", "lead: [Новое"));
                wait.until(b -> !problems(b, "error").isEmpty());
                String problem = problems(browser, "error").get(0);
                assertTrue(problem.matches("(?s)/.*/publication/2030-01/news/01-zavod\\.md:[34](:\\d+)?: error: .*"), problem);
                assertTrue(browser.findElement(By.id("banner")).isDisplayed(), "the page says it shows the last good build");
                assertTrue(titles(browser).contains("В Калуге открылся второй завод"), "the last good contents stay");
                screenshot(browser, "serve-problems.png");

                Files.writeString(article, original);
                wait.until(b -> titles(b).contains("В Калуге открылся завод двигателей"));
                wait.until(b -> problems(b, "error").isEmpty());
                assertTrue(!browser.findElement(By.id("banner")).isDisplayed());
                assertEquals("yes", ((JavascriptExecutor) browser).executeScript("return window.sameDocument;"));

                // The page says so when the server goes away.
                assertTrue(!browser.findElement(By.id("offline")).isDisplayed());
                server.close();
                wait.until(b -> b.findElement(By.id("offline")).isDisplayed());
                screenshot(browser, "serve-offline.png");
                assertTrue(browser.findElement(By.id("offline")).getText().contains("digest serve"),
                        browser.findElement(By.id("offline")).getText());
                assertEquals("disconnected", browser.findElement(By.id("bar-state")).getText());

                // Started again (another process, maybe other sources): the page reloads by itself.
                int port = server.address().getPort();
                Files.writeString(article, original.replace("В Калуге открылся завод двигателей",
                        "В Калуге открылся третий завод"));
                try (PreviewServer again = PreviewServer.start(Pipeline.workspace(), request, List.of(publication),
                        List.of(), port)) {
                    wait.until(b -> ((JavascriptExecutor) b).executeScript("return window.sameDocument;") == null);
                    wait.until(b -> titles(b).contains("В Калуге открылся третий завод"));
                    assertTrue(!browser.findElement(By.id("offline")).isDisplayed());
                }
            } finally {
                browser.quit();
            }
        }
    }

    /** Keeps a picture of the page in target/screenshots/, for a person to look at. */
    static void screenshot(WebDriver browser, String name) throws java.io.IOException {
        Path dir = BuiltIssue.REPO.resolve("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((org.openqa.selenium.TakesScreenshot) browser)
                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /**
     * Read in one script: the list is rebuilt after every build, so element handles go stale.
     * No-break spaces (the typesetter ties short words to the next) count as spaces.
     */
    @SuppressWarnings("unchecked")
    private static List<String> titles(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#contents li.article .title')]"
                        + ".map(e => e.textContent.replace(/[\\u00a0\\u202f]/g, ' '));");
    }

    /** The problems panel's lines with the given class ("error", "warning" or "none"). */
    @SuppressWarnings("unchecked")
    private static List<String> problems(WebDriver browser, String kind) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#problems li." + kind + "')].map(e => e.textContent);");
    }
}

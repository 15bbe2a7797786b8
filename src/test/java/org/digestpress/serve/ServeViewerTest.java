package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.digestpress.Pipeline;
import org.digestpress.pdf.SourceMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer of {@code digest serve} as an author uses it: on a phone, beside the editor and on a
 * desktop; after a save (only the pages that changed are fetched again, the one in view first);
 * and from a click on a page to the source line.
 */
class ServeViewerTest {

    /** Builds on a busy two-core machine take seconds; this bounds a wait, it measures nothing. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String EDITOR = "vscode://file/{path}:{line}:{column}";
    private static final String ARTICLE = "2030-01/news/01-zavod.md";

    @TempDir
    Path temp;

    private record Screen(int width, int height, double ratio, boolean mobile) {
    }

    @Test
    void pagesAreSharpAndReadableFromAPhoneToADesktop() throws Exception {
        try (Viewing v = view(null)) {
            PreviewServer server = v.server();
            ChromeDriver browser = v.browser();
            WebDriverWait wait = v.patience();
            Path article = v.article();
            String original = v.original();
            for (Screen screen : List.of(new Screen(390, 844, 2, true), new Screen(720, 900, 1, false),
                    new Screen(1440, 1000, 1, false))) {
                String at = screen.width() + " px: ";
                HeadlessChromium.screen(browser, screen.width(), screen.height(), screen.ratio(), screen.mobile());
                browser.get(server.address().toString());
                wait.until(b -> firstPictureShown(browser));
                Map<String, Object> m = measures(browser);
                double viewer = number(m, "viewer");
                double shown = number(m, "shown");
                assertTrue(shown >= 0.9 * viewer, at + "the page is " + shown + " px wide in a viewer of " + viewer);
                assertTrue(Math.abs(number(m, "natural") - shown * screen.ratio()) <= 2, at + "a picture of "
                        + number(m, "natural") + " pixels for " + shown + " px at pixel ratio " + screen.ratio());
                assertTrue(number(m, "height") > 1.3 * shown, at + "the page keeps its proportions: " + m);

                // The contents: beside the pages on a desktop, a drawer behind a button on narrower screens.
                WebElement toggle = browser.findElement(By.id("drawer-toggle"));
                assertEquals(screen.width() <= 900, toggle.isDisplayed(), at + "the drawer's button");
                if (toggle.isDisplayed()) {
                    assertTrue(number(m, "asideRight") <= 1, at + "the drawer is closed at first: " + m);
                    toggle.click();
                    wait.until(b -> number(measures(browser), "asideLeft") >= -1);
                    ServeInBrowserTest.screenshot(browser, "viewer-" + screen.width() + "-contents.png");
                }
                WebElement link = browser.findElement(By.xpath("//ul[@id='contents']//a[contains(., 'Методика')]"));
                assertTrue(link.isDisplayed(), at + "the contents are reachable");
                link.click();
                wait.until(b -> number(measures(browser), "asideRight") <= 1 || screen.width() > 900);
                wait.until(b -> number(measures(browser), "scrolled") > 0);
                ServeInBrowserTest.screenshot(browser, "viewer-" + screen.width() + ".png");

                // A broken save: the errors are readable above the pages and cover none of them.
                Files.writeString(article, original.replace("lead: Новое", "lead: [Новое"));
                wait.until(b -> browser.findElement(By.id("banner")).isDisplayed());
                Map<String, Object> e = measures(browser);
                assertTrue(number(e, "bannerWidth") >= 0.9 * number(e, "main"), at + "the banner's width: " + e);
                assertTrue(number(e, "bannerBottom") <= number(e, "pagesTop") + 1, at + "the banner covers no page: " + e);
                String banner = browser.findElement(By.id("banner")).getText();
                assertTrue(banner.contains("01-zavod.md:4") && banner.contains("error"), at + banner);
                assertTrue(browser.findElement(By.id("download")).isDisplayed(), "the last good PDF is offered");
                ServeInBrowserTest.screenshot(browser, "viewer-" + screen.width() + "-errors.png");
                Files.writeString(article, original);
                wait.until(b -> !browser.findElement(By.id("banner")).isDisplayed());
            }
        }
    }

    @Test
    void aSaveFetchesOnlyThePagesThatChangedTheOneInViewFirst() throws Exception {
        try (Viewing v = view(null)) {
            ChromeDriver browser = v.browser();
            WebDriverWait wait = v.patience();
            browser.get(v.server().address().toString());
            wait.until(b -> firstPictureShown(browser));
            JavascriptExecutor js = browser;
            js.executeScript("goTo(4, 0.3, 0);");
            wait.until(b -> settled(browser));
            int build = ((Number) js.executeScript("return status.build;")).intValue();
            @SuppressWarnings("unchecked")
            List<String> before = (List<String>) js.executeScript("return status.hashes;");
            js.executeScript("window.states = []; new MutationObserver(() => states.push("
                    + "document.getElementById('bar-state').textContent)).observe("
                    + "document.getElementById('bar-state'), {childList: true, characterData: true, subtree: true});"
                    + "window.loadsBefore = digestLoads.length;");

            Files.writeString(v.article(), v.original().replace("работают 300 человек", "работают 310 человек"));
            wait.until(b -> ((Number) js.executeScript("return status.build;")).intValue() > build);
            wait.until(b -> settled(browser));
            @SuppressWarnings("unchecked")
            List<String> after = (List<String>) js.executeScript("return status.hashes;");
            @SuppressWarnings("unchecked")
            List<List<Number>> loads = (List<List<Number>>) js.executeScript("return digestLoads.slice(loadsBefore);");
            @SuppressWarnings("unchecked")
            List<Number> inView = (List<Number>) js.executeScript("return [...document.querySelectorAll('.sheet')]"
                    + ".filter(s => visibility(s) !== null).map(s => Number(s.dataset.page));");
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                if (!after.get(i).equals(before.get(i))) {
                    changed.add(i + 1);
                }
            }
            List<Integer> fetched = loads.stream().map(l -> l.get(0).intValue()).toList();
            assertEquals(List.of(4), changed, "an edit of a number in one paragraph changes that page only");
            assertEquals(List.of(4), fetched, "only the changed page is fetched again: " + fetched + ", in view: " + inView);
            @SuppressWarnings("unchecked")
            List<String> states = (List<String>) js.executeScript("return states;");
            assertTrue(states.indexOf("building…") >= 0 && states.indexOf("building…") < states.lastIndexOf("built"),
                    "the page said a build was coming before it came: " + states);
            assertTrue(((Number) js.executeScript("return digestPainted.filter(p => p.build === status.build "
                    + "&& p.page === 4).length;")).intValue() == 1, "the changed page was painted");

            // A page out of view that changed is not fetched until it comes into view.
            js.executeScript("goTo(6, 0.75, 0); window.loadsBefore = digestLoads.length;");
            wait.until(b -> settled(browser));
            int second = ((Number) js.executeScript("return status.build;")).intValue();
            js.executeScript("window.loadsBefore = digestLoads.length;");
            Files.writeString(v.article(), v.original().replace("Завод в Калуге начал", "Завод в Калуге нaчал"));
            wait.until(b -> ((Number) js.executeScript("return status.build;")).intValue() > second);
            wait.until(b -> settled(browser));
            @SuppressWarnings("unchecked")
            List<List<Number>> next = (List<List<Number>>) js.executeScript("return digestLoads.slice(loadsBefore);");
            assertTrue(next.isEmpty(), "pages 6 and 7 in view did not change, page 4 is out of view: " + next);
            js.executeScript("goTo(4, 0.3, 0);");
            wait.until(b -> settled(browser));
            @SuppressWarnings("unchecked")
            List<List<Number>> back = (List<List<Number>>) js.executeScript("return digestLoads.slice(loadsBefore);");
            assertEquals(4, back.get(0).get(0).intValue(), "scrolled back, the changed page is fetched: " + back);
        }
    }

    @Test
    void aClickOnAParagraphGivesItsFileAndLine() throws Exception {
        Path article = temp.resolve("publication").resolve(ARTICLE).toAbsolutePath();
        List<double[]> asked = new CopyOnWriteArrayList<>();
        PageSources sources = new PageSources() {
            @Override
            public Optional<SourceMap.Point> at(int page, double fx, double fy) {
                asked.add(new double[] {page, fx, fy});
                return page == 4 ? Optional.of(new SourceMap.Point(article, 15, 1)) : Optional.empty();
            }

            @Override
            public OptionalInt pageOf(Path file, int line) {
                return file.equals(article) && line == 2 ? OptionalInt.of(4) : OptionalInt.empty();
            }
        };
        try (Viewing v = view(sources)) {
            PreviewServer server = v.server();
            HttpClient http = HttpClient.newHttpClient();
            URI base = server.address();
            HttpResponse<String> source = http.send(HttpRequest.newBuilder(base.resolve("/source?page=4&x=0.5&y=0.3"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, source.statusCode());
            String link = "vscode://file" + EditorLink.path(article) + ":15:1";
            assertEquals("{\"column\":1,\"file\":" + org.digestpress.problem.JsonString.quote(article.toString())
                    + ",\"line\":15,\"link\":\"" + link + "\"}", source.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(base.resolve("/source?page=5&x=0.5&y=0.3")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            for (String bad : List.of("/source?page=4&x=2&y=0.3", "/source?page=4&x=0.5&y=1.5", "/source?page=4&x=0.5", "/source?page=x&x=0&y=0",
                    "/where?file=&line=2", "/where?line=2")) {
                assertEquals(400, http.send(HttpRequest.newBuilder(base.resolve(bad)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), bad);
            }
            String where = "/where?file=" + java.net.URLEncoder.encode(article.toString(), java.nio.charset.StandardCharsets.UTF_8)
                    + "&line=2";
            assertEquals("{\"page\":4}", http.send(HttpRequest.newBuilder(base.resolve(where)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());

            ChromeDriver browser = v.browser();
            WebDriverWait wait = v.patience();
            browser.get(base.toString());
            wait.until(b -> firstPictureShown(browser));
            JavascriptExecutor js = browser;
            js.executeScript("goTo(4, 0, 0); window.sameDocument = 'yes';");
            wait.until(b -> settled(browser));
            // The first paragraph of the article, a fifth down the page and a third across.
            @SuppressWarnings("unchecked")
            List<Number> point = (List<Number>) js.executeScript("const r = document.querySelector('#page-4 img')"
                    + ".getBoundingClientRect(); return [Math.round(r.left + r.width / 3), Math.round(r.top + r.height / 5)];");
            new Actions(browser).moveToLocation(point.get(0).intValue(), point.get(1).intValue()).click().perform();
            wait.until(b -> js.executeScript("return document.body.dataset.source || null;") != null);
            assertEquals(article + ":15:1", js.executeScript("return document.body.dataset.source;"));
            double[] question = asked.get(asked.size() - 1);
            assertEquals(4, question[0]);
            assertEquals(1 / 3.0, question[1], 0.02, "the click's place across the page");
            assertEquals(0.2, question[2], 0.02, "the click's place down the page");

            // A problem links to the editor at its file and line.
            Files.writeString(article, Files.readString(article).replace("lead: Новое", "lead: [Новое"));
            wait.until(b -> !b.findElements(By.cssSelector("#problems li.error a.where")).isEmpty());
            String href = browser.findElement(By.cssSelector("#problems li.error a.where")).getAttribute("href");
            assertTrue(href.startsWith("vscode://file" + EditorLink.path(article) + ":4:"), href);
        }
    }

    @Test
    void downloadIsOfferedOnlyOnceAPdfExists() throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path article = publication.resolve(ARTICLE);
        String original = Files.readString(article);
        Files.writeString(article, original.replace("lead: Новое", "lead: [Новое"));
        try (PreviewServer server = PreviewServer.start(BuildRunner.of(Pipeline.workspace()),
                ServedFixture.request(publication), List.of(publication), List.of(), 0, HttpListener.Limits.DEFAULT)) {
            ChromeDriver browser = HeadlessChromium.start(720, 900);
            try {
                browser.get(server.address().toString());
                WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
                wait.until(b -> browser.findElement(By.id("banner")).isDisplayed());
                assertFalse(browser.findElement(By.id("download")).isDisplayed(), "no PDF, no download");
                String banner = browser.findElement(By.id("banner")).getText();
                assertTrue(banner.contains("no pages yet") && banner.contains("01-zavod.md:4"), banner);
                Files.writeString(article, original);
                wait.until(b -> browser.findElement(By.id("download")).isDisplayed());
                wait.until(b -> firstPictureShown(browser));
                assertFalse(browser.findElement(By.id("banner")).isDisplayed());
            } finally {
                browser.quit();
            }
        }
    }

    /** The fixture served (with {@code sources} for the pages' source map when not null) and a browser. */
    private record Viewing(Path article, String original, PreviewServer server, ChromeDriver browser,
                           WebDriverWait patience) implements AutoCloseable {
        @Override
        public void close() {
            try {
                browser.quit();
            } finally {
                server.close();
            }
        }
    }

    private Viewing view(PageSources sources) throws Exception {
        Path publication = ServedFixture.copy(temp);
        Path article = publication.resolve(ARTICLE).toAbsolutePath();
        PreviewServer server = PreviewServer.start(BuildRunner.of(Pipeline.workspace(), sources),
                ServedFixture.request(publication), List.of(publication), List.of(), 0, HttpListener.Limits.DEFAULT,
                new ServeSettings(EDITOR, s -> { }, false));
        try {
            ChromeDriver browser = HeadlessChromium.start(1440, 1000);
            return new Viewing(article, Files.readString(article), server, browser, new WebDriverWait(browser, PATIENCE));
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private static boolean firstPictureShown(ChromeDriver browser) {
        return Boolean.TRUE.equals(browser.executeScript("const i = document.querySelector('.sheet img');"
                + "return i !== null && i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0;"));
    }

    /** No picture is being fetched and every one in or near the view is the one wanted. */
    private static boolean settled(ChromeDriver browser) {
        return Boolean.TRUE.equals(browser.executeScript("return inFlight === 0 && [...document.querySelectorAll('.sheet')]"
                + ".every(s => visibility(s) === null || s.dataset.shown === wanted(s));"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> measures(ChromeDriver browser) {
        return (Map<String, Object>) browser.executeScript(
                "const r = e => document.querySelector(e).getBoundingClientRect();"
                + "const i = document.querySelector('.sheet img');"
                + "return {viewer: document.getElementById('pages').clientWidth, shown: i.getBoundingClientRect().width,"
                + " height: i.getBoundingClientRect().height, natural: i.naturalWidth,"
                + " asideLeft: r('aside').left, asideRight: r('aside').right, main: r('main').width,"
                + " scrolled: document.getElementById('pages').scrollTop,"
                + " bannerWidth: r('#banner').width, bannerBottom: r('#banner').bottom, pagesTop: r('#pages').top};");
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}

package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestpress.BuiltIssue;
import org.digestpress.web.HtmlValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code digest build --email} on the sample, as a publisher checks a newsletter before sending
 * it: valid HTML (the Nu Html Checker, 0 messages), small enough that Gmail does not clip it, laid
 * out without a stylesheet, every article of the issue with a link to its place in the web edition
 * (and, when the publication says where the archive is published, to its offprint, by absolute
 * address), the same in the plain-text part, and readable in a browser at 600 and 320 px.
 */
class EmailEditionTest {

    /** Gmail clips a message whose HTML is larger than this. */
    private static final int GMAIL_CLIPS_AFTER = 102 * 1000;
    private static final String BASE = "https://digest.example.org/archive/";
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern ARTICLE_ID = Pattern.compile("<article [^>]*id=\"(article-[^\"]+)\"");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path relativeTemp;
    @TempDir
    static Path publishedTemp;
    static CliHarness.Outcome relativeRun;
    static CliHarness.Outcome publishedRun;
    static Path relative;
    static Path published;

    @BeforeAll
    static void buildBoth() throws IOException {
        CliHarness local = new CliHarness(relativeTemp, BuiltIssue.SAMPLE);
        relativeRun = local.run("build", local.publication().resolve("2025-06").toString(), "-o",
                relativeTemp.resolve("out/2025-06.pdf").toString(), "--email");
        relative = relativeTemp.resolve("out/2025-06");
        CliHarness site = new CliHarness(publishedTemp, BuiltIssue.SAMPLE);
        Files.writeString(site.publication().resolve("publication.yaml"), "\nweb:\n  base_url: " + BASE + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        publishedRun = site.run("build", site.publication().resolve("2025-06").toString(), "-o",
                publishedTemp.resolve("out/2025-06.pdf").toString(), "--email");
        published = publishedTemp.resolve("out/2025-06");
    }

    @Test
    void writesTheLetterBesideTheWebEditionAndSaysWhenItsLinksCannotBeSent() {
        assertEquals(0, relativeRun.exit(), relativeRun.err());
        assertTrue(relativeRun.out().contains("e-mail edition: "), relativeRun.out());
        assertTrue(relativeRun.err().contains("warning: The e-mail edition's links are relative"), relativeRun.err());
        assertEquals(0, publishedRun.exit(), publishedRun.err());
        assertFalse(publishedRun.err().contains("e-mail edition"), "with base_url nothing to warn about: " + publishedRun.err());
        CliHarness.assertNoJavaNoise(relativeRun);
        for (Path folder : List.of(relative, published)) {
            assertTrue(Files.isRegularFile(folder.resolve("email.html")) && Files.isRegularFile(folder.resolve("email.txt")));
            assertTrue(Files.isRegularFile(folder.resolve("index.html")), "the web edition the letter links to");
        }
    }

    @Test
    void theHtmlIsValidSmallAndLaidOutWithoutAStylesheet() throws Exception {
        for (Path folder : List.of(relative, published)) {
            Path page = folder.resolve("email.html");
            String report = HtmlValidator.report(page);
            assertEquals("", report.strip(), "the Nu Html Checker has something to say about " + page);
            long bytes = Files.size(page);
            assertTrue(bytes <= GMAIL_CLIPS_AFTER, bytes + " bytes: Gmail would clip it");
            String html = Files.readString(page);
            for (String absent : List.of("<style", "<script", "<link", "@font-face", "@media", " class=\"", "javascript:")) {
                assertFalse(html.contains(absent), page + " contains " + absent);
            }
            assertTrue(html.contains("max-width:600px"), "one column of at most 600 px");
            assertTrue(html.contains("<table role=\"presentation\""), "laid out with a table");
        }
    }

    @Test
    void imagesOnlyByAbsoluteAddressAndEachWithAltText() throws IOException {
        assertFalse(Files.readString(relative.resolve("email.html")).contains("<img"),
                "without base_url a mail client could load no image: none is shown");
        String html = Files.readString(published.resolve("email.html"));
        Matcher img = Pattern.compile("<img [^>]*>").matcher(html);
        int images = 0;
        while (img.find()) {
            images++;
            String tag = img.group();
            assertTrue(tag.contains("src=\"" + BASE), tag);
            assertTrue(tag.matches(".* alt=\"[^\"]+\".*"), "alt text: " + tag);
            assertTrue(tag.contains(" width=\"") && tag.contains(" height=\""), tag);
        }
        assertEquals(1, images, "the cover, as the archive publishes it: " + html);
        assertTrue(html.contains("src=\"" + BASE + "2025/2025-06.png\""));
    }

    /** Every article of the web edition is in the letter, linked to its anchor, and in the text part. */
    @Test
    void everyArticleLinksToItsPlaceInTheWebEditionInBothParts() throws IOException {
        List<String> anchors = all(ARTICLE_ID, Files.readString(relative.resolve("index.html")));
        assertEquals(23, anchors.size(), anchors.toString());
        for (Path folder : List.of(relative, published)) {
            String html = Files.readString(folder.resolve("email.html"));
            String text = Files.readString(folder.resolve("email.txt"));
            String page = folder == relative ? "index.html" : BASE + "2025/2025-06/index.html";
            List<String> htmlLinks = all(HREF, html).stream().map(l -> l.replace("&amp;", "&")).toList();
            for (String anchor : anchors) {
                assertTrue(htmlLinks.contains(page + "#" + anchor), folder + ": no link to " + anchor);
                assertTrue(text.contains(page + "#" + anchor), folder + ": the text part has no link to " + anchor);
            }
            assertEquals(articleLinks(htmlLinks), articleLinks(List.of(text.split("\\s+"))),
                    "the same article links, in the same order, in both parts");
            for (String line : text.split("\n")) {
                assertTrue(line.codePointCount(0, line.length()) <= 72 || !line.strip().contains(" "),
                        "a line longer than 72 characters: " + line);
            }
        }
        String published = Files.readString(EmailEditionTest.published.resolve("email.html"));
        List<String> links = all(HREF, published);
        assertTrue(links.stream().allMatch(l -> l.startsWith("https://") || l.startsWith("http://") || l.startsWith("mailto:")),
                "every link of a letter to send is absolute: " + links);
        assertTrue(links.contains(BASE + "2025/2025-06/events/05-tambov-neftegaz.pdf"), "offprints as the archive names them");
        assertTrue(links.contains(BASE + "2025/2025-06.pdf"));
        assertTrue(Files.readString(EmailEditionTest.published.resolve("email.txt"))
                .contains(BASE + "2025/2025-06/events/05-tambov-neftegaz.pdf"));
    }

    @Test
    void titlesRegionsLeadsAndTheBackPagesContacts() throws IOException {
        // the typeset text has no-break spaces after short words, as the PDF
        String html = Files.readString(relative.resolve("email.html")).replace('\u00a0', ' ');
        String text = Files.readString(relative.resolve("email.txt")).replace('\u00a0', ' ').replace('\n', ' ');
        assertTrue(html.contains(">События</h2>") && text.contains(" СОБЫТИЯ "), "section titles");
        for (String expected : List.of("Территориальные кластеры", "Выпуск № 6",
                "В Тамбовской области создали кластер нефтегазового оборудования", "Регион: Тамбовская область",
                "ruscluster@hse.ru", "Мясницкая ул., 11")) {
            assertTrue(html.contains(expected), "the letter has «" + expected + "»");
            assertTrue(text.contains(expected), "the text part has «" + expected + "»");
        }
        assertTrue(html.contains("href=\"mailto:ruscluster@hse.ru\""), "the contacts stay links");
        assertFalse(html.contains("\u00ad") || text.contains("\u00ad"), "no soft hyphen of the PDF");
    }

    /**
     * Headless Chromium shows the letter at 600 px and, emulating a phone, at 320 px: nothing is
     * wider than the window. The screenshots are left in target/ to be looked at
     * (docs/email-phone.png is the phone one).
     */
    @Test
    void readsInABrowserAt600AndAt320Pixels() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if (System.getenv("CI") != null) {
                fail("Chromium and chromedriver are needed in CI (apt-get install chromium chromium-driver)");
            }
            org.junit.jupiter.api.Assumptions.abort("no /usr/bin/chromium with its chromedriver on this machine");
        }
        Path shots = BuiltIssue.REPO.resolve("target/email-screenshots");
        Files.createDirectories(shots);
        for (int width : new int[] {600, 320}) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--hide-scrollbars");
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", 1800, "pixelRatio", 1.0)));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(published.resolve("email.html").toUri().toString());
                JavascriptExecutor js = (JavascriptExecutor) browser;
                long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
                long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
                long column = ((Number) js.executeScript(
                        "return document.querySelector('table').getBoundingClientRect().width")).longValue();
                // a phone browser zooms out to show content wider than the screen: the window then grows
                assertEquals(width, viewport, "at " + width + " px the browser zoomed out to fit " + viewport + " px");
                assertTrue(content <= viewport, "at " + width + " px the letter is " + content + " px wide");
                assertEquals(Math.min(600, width), column, "the column fills a phone and stops at 600 px");
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(shots.resolve("email-" + width + ".png"), png);
            } finally {
                browser.quit();
            }
        }
    }

    /** An English article in a Russian issue carries its language and is labelled in English, as in the PDF. */
    @Test
    void anArticleInAnotherLanguageIsLabelledInItsOwn(@TempDir Path temp) throws Exception {
        CliHarness harness = new CliHarness(temp, BuiltIssue.REPO.resolve("src/test/resources/stress"));
        CliHarness.Outcome outcome = harness.run("build", harness.publication().resolve("2031-03").toString(), "-o",
                temp.resolve("out/2031-03.pdf").toString(), "--email");
        assertEquals(0, outcome.exit(), outcome.err());
        Path page = temp.resolve("out/2031-03/email.html");
        String html = Files.readString(page);
        int english = html.indexOf("<td lang=\"en\"");
        assertTrue(english > 0, "the English article's cell says lang=\"en\"");
        String cell = html.substring(english, html.indexOf("</td>", english));
        assertTrue(cell.contains(">Region: ") && cell.contains(">Read</a>"), cell);
        assertFalse(cell.contains("Регион") || cell.contains("Читать"), cell);
        assertTrue(html.contains(">Читать</a>"), "the Russian articles keep their words");
        assertEquals("", HtmlValidator.report(page).strip());
    }

    /**
     * The letter's files go through the web edition's output checks: a link at email.html that
     * leads into the sources is refused before anything is written; one that leads elsewhere is
     * replaced by the file, never written through.
     */
    @Test
    void theLettersFilesAreNeverWrittenThroughALink(@TempDir Path temp) throws IOException {
        CliHarness harness = new CliHarness(temp.resolve("into"));
        Path folder = temp.resolve("into/out/2030-01");
        Files.createDirectories(folder);
        Path yaml = harness.publication().resolve("publication.yaml");
        String before = Files.readString(yaml);
        Files.createSymbolicLink(folder.resolve("email.html"), yaml);
        CliHarness.Outcome refused = harness.run("build", harness.publication().resolve("2030-01").toString(), "-o",
                folder.resolveSibling("2030-01.pdf").toString(), "--email");
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("email.html is inside the publication folder"), refused.err());
        assertEquals(before, Files.readString(yaml));
        assertFalse(Files.exists(folder.resolveSibling("2030-01.pdf")), "nothing was written");

        CliHarness other = new CliHarness(temp.resolve("elsewhere"));
        Path out = temp.resolve("elsewhere/out/2030-01");
        Files.createDirectories(out);
        Path outside = temp.resolve("not-a-source.txt");
        Files.writeString(outside, "kept");
        Files.createSymbolicLink(out.resolve("email.txt"), outside);
        CliHarness.Outcome built = other.run("build", other.publication().resolve("2030-01").toString(), "-o",
                out.resolveSibling("2030-01.pdf").toString(), "--email");
        assertEquals(0, built.exit(), built.err());
        assertEquals("kept", Files.readString(outside));
        assertFalse(Files.isSymbolicLink(out.resolve("email.txt")), "the link was replaced by the file");
    }

    /** base_url must be the http(s) address of a folder: anything else is an error at its line, and nothing is built. */
    @Test
    void aBaseUrlThatIsNotAWebAddressIsRefusedAtItsLine(@TempDir Path temp) throws IOException {
        for (String bad : List.of("javascript:alert(1)", "ftp://example.org/", "https://example.org/?a=1", "/archive/")) {
            CliHarness harness = new CliHarness(temp.resolve("p" + bad.hashCode()));
            Path yaml = harness.publication().resolve("publication.yaml");
            int line = (int) Files.readString(yaml).lines().count() + 4;
            Files.writeString(yaml, "\nweb:\n  edition: true\n  base_url: \"" + bad + "\"\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            CliHarness.Outcome outcome = harness.run("check", harness.publication().resolve("2030-01").toString());
            assertEquals(1, outcome.exit(), bad + ": " + outcome.err());
            assertTrue(outcome.err().contains("publication.yaml:" + line + ": error: 'base_url' must be the http:// or "
                    + "https:// address of the folder"), bad + ": " + outcome.err());
        }
    }

    private static List<String> articleLinks(List<String> links) {
        List<String> out = new ArrayList<>();
        for (String link : links) {
            if (link.contains("#article-") && (out.isEmpty() || !out.get(out.size() - 1).equals(link))) {
                out.add(link);
            }
        }
        Set<String> once = new LinkedHashSet<>(out);
        return List.copyOf(once);
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code digest archive} on a publication of two issues, run as a user runs it: what lands in the
 * archive folder, what {@code archive.json} and {@code index.html} say about it (checked against the
 * PDFs read back with PDFBox), and what later runs rebuild, skip or keep.
 */
class ArchiveCommandTest {

    static final Path TWO_ISSUES = BuiltIssue.REPO.resolve("src/test/resources/archive-fixture");
    private static final Pattern LINK = Pattern.compile("(?:class=\"(\\w+)\" )?(?:href|src)=\"([^\"#]*)(?:#page=(\\d+))?\"");

    @TempDir
    static Path shared;
    static CliHarness.Outcome firstRun;
    static Path archive;
    static Map<String, Object> record;

    @TempDir
    Path temp;

    @BeforeAll
    static void archiveBothIssues() throws IOException {
        CliHarness harness = new CliHarness(shared, TWO_ISSUES);
        archive = shared.resolve("archive");
        firstRun = harness.run("archive", harness.publication().toString(), "-o", archive.toString(), "--jobs", "2");
        record = json(archive.resolve("archive.json"));
    }

    @Test
    void buildsEveryIssueWithAnOffprintPerArticle() {
        assertEquals(0, firstRun.exit(), firstRun.err());
        assertTrue(firstRun.out().contains("2030-01: built"), firstRun.out());
        assertTrue(firstRun.out().contains("2030-02: built"), firstRun.out());
        CliHarness.assertNoJavaNoise(firstRun);
        for (String issue : List.of("2030-01", "2030-02")) {
            assertTrue(Files.isRegularFile(archive.resolve("2030/" + issue + ".pdf")));
            assertTrue(Files.isRegularFile(archive.resolve("2030/" + issue + ".png")));
            // the issue's folder also holds its web edition, with its own copy of the issue PDF
            assertEquals(6, pdfs(archive.resolve("2030/" + issue)).stream()
                    .filter(p -> !p.getFileName().toString().equals(issue + ".pdf")).count(),
                    "one offprint per article of " + issue);
        }
        assertTrue(Files.isRegularFile(archive.resolve("2030/2030-01/news/01-zavod.pdf")),
                pdfs(archive.resolve("2030/2030-01")).toString());
        assertFalse(Files.exists(archive.resolve(".staging")), "the staging folder is cleaned up");
    }

    @Test
    void archiveJsonMatchesEveryPdfAndNamesEveryInput() throws IOException {
        List<Map<String, Object>> issues = maps(record.get("issues"));
        assertEquals(List.of("2030-01", "2030-02"), issues.stream().map(i -> i.get("issue")).toList());
        for (Map<String, Object> issue : issues) {
            assertPdfRecord(map(issue.get("pdf")));
            for (Map<String, Object> article : maps(issue.get("articles"))) {
                assertPdfRecord(map(article.get("offprint")));
            }
            assertTrue(issue.get("digestpress") instanceof String);
            List<String> inputs = List.copyOf(map(issue.get("inputs")).keySet());
            assertEquals(inputs.stream().sorted().toList(), inputs, "inputs are sorted");
            assertTrue(inputs.containsAll(List.of("publication/publication.yaml", "publication/brand/logo.svg",
                    "templates/issue.ftlx", "templates/style.css.ftl", "fonts/PTF55F.ttf")), inputs.toString());
            String own = (String) issue.get("issue");
            String other = own.equals("2030-01") ? "2030-02" : "2030-01";
            assertTrue(inputs.contains("publication/" + own + "/news/01-zavod.md"), inputs.toString());
            assertTrue(inputs.stream().noneMatch(i -> i.startsWith("publication/" + other + "/")),
                    "another issue's files are not this issue's inputs");
        }
        assertEquals(sha256(shared.resolve("publication/2030-01/news/01-zavod.md")),
                map(issues.get(0).get("inputs")).get("publication/2030-01/news/01-zavod.md"));
        String text = Files.readString(archive.resolve("archive.json"));
        assertFalse(text.contains(shared.toString()), "no absolute path in the record");
    }

    private static void assertPdfRecord(Map<String, Object> pdf) throws IOException {
        Path file = archive.resolve((String) pdf.get("path"));
        assertEquals(sha256(file), pdf.get("sha256"), file.toString());
        assertEquals(((Number) pdf.get("bytes")).longValue(), Files.size(file));
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertEquals(document.getNumberOfPages(), ((Number) pdf.get("pages")).intValue());
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            String part = ((String) pdf.get("pdfa")).replaceAll("PDF/A-(\\d).*", "$1");
            assertTrue(xmp.contains("pdfaid:part>" + part + "<") || xmp.contains("pdfaid:part=\"" + part + "\""),
                    "the record's " + pdf.get("pdfa") + " is what the PDF claims");
        }
    }

    @Test
    void indexLinksToExistingFilesAndToThePagesTheArticlesAreOn() throws IOException {
        String html = Files.readString(archive.resolve("index.html"));
        assertFalse(html.contains("<script"), "works without scripts");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//fonts."),
                "no external resource");
        assertTrue(html.indexOf("2030/2030-02.pdf") < html.indexOf("2030/2030-01.pdf"), "newest issue first");
        Matcher m = LINK.matcher(html);
        int pageLinks = 0;
        List<String> targets = new ArrayList<>();
        while (m.find()) {
            Path file = archive.resolve(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
            assertTrue(Files.isRegularFile(file), "index.html links to a missing " + m.group(2));
            targets.add(m.group(2));
            if (m.group(3) != null && "page".equals(m.group(1))) {
                // the title links to the web edition; the page link beside it to the page in the PDF
                int page = Integer.parseInt(m.group(3));
                int titleLink = html.lastIndexOf("class=\"title\"", m.start());
                String title = html.substring(html.indexOf('>', titleLink) + 1, html.indexOf("</a>", titleLink));
                try (PDDocument document = Loader.loadPDF(file.toFile())) {
                    assertTrue(page >= 1 && page <= document.getNumberOfPages(), m.group());
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    assertTrue(normal(stripper.getText(document)).contains(normal(unescape(title))),
                            "page " + page + " of " + file.getFileName() + " has «" + title + "»");
                }
                pageLinks++;
            }
        }
        assertEquals(12, pageLinks, "every article of both issues links to its page");
        assertTrue(targets.contains("2030/2030-01.png") && targets.contains("2030/2030-02/news/01-zavod.pdf"), targets.toString());
    }

    @Test
    void offprintsArePagedAsTheirArticlesAreInTheIssue() throws IOException {
        for (Map<String, Object> issue : maps(record.get("issues"))) {
            Path issuePdf = archive.resolve((String) map(issue.get("pdf")).get("path"));
            for (Map<String, Object> article : maps(issue.get("articles"))) {
                int first = ((Number) article.get("page")).intValue();
                Path offprint = archive.resolve((String) map(article.get("offprint")).get("path"));
                try (PDDocument doc = Loader.loadPDF(offprint.toFile()); PDDocument whole = Loader.loadPDF(issuePdf.toFile())) {
                    assertTrue(doc.getNumberOfPages() < whole.getNumberOfPages(), "no cover, contents or back page");
                    assertEquals(String.valueOf(first), footer(whole, first), "the issue prints its own page number");
                    for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                        assertEquals(String.valueOf(first + i - 1), footer(doc, i),
                                "page " + i + " of " + offprint.getFileName() + " prints the issue's page number");
                        assertEquals(String.valueOf(first + i - 1),
                                doc.getDocumentCatalog().getPageLabels().getLabelsByPageIndices()[i - 1]);
                    }
                    PDFTextStripper stripper = new PDFTextStripper();
                    assertTrue(normal(stripper.getText(doc)).contains(normal((String) article.get("title"))));
                }
            }
        }
    }

    @Test
    void offprintFootnotesAreNumberedPerArticleAsInTheIssue() throws IOException {
        // In 2030-02 both news items have a footnote; a digest numbers them per article, so the
        // second item's note is 1 in the issue and in its offprint alike.
        String note = "1. Сроки проекта согласованы";
        assertTrue(normal(text(archive.resolve("2030/2030-02.pdf"))).contains(note));
        assertTrue(normal(text(archive.resolve("2030/2030-02/news/02-klaster.pdf"))).contains(note),
                text(archive.resolve("2030/2030-02/news/02-klaster.pdf")));
        assertTrue(normal(text(archive.resolve("2030/2030-02/news/01-zavod.pdf"))).contains("1. По данным"));
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aSecondRunRebuildsNothingAndChangesNoFile() {
        CliHarness harness = copyOfFirstRun();
        var before = harness.snapshot();
        CliHarness.Outcome again = harness.run("archive", harness.publication().toString(), "-o", temp.resolve("archive").toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("2030-01: up to date") && again.out().contains("2030-02: up to date"), again.out());
        assertTrue(again.out().contains("0 built, 2 up to date, 0 failed"), again.out());
        assertEquals(before, harness.snapshot(), "nothing was rewritten");
    }

    @Test
    void changingOneArticleRebuildsOnlyItsIssue() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        byte[] january = Files.readAllBytes(out.resolve("2030/2030-01.pdf"));
        byte[] february = Files.readAllBytes(out.resolve("2030/2030-02.pdf"));
        Path touched = harness.publication().resolve("2030-02/news/02-klaster.md");
        Files.writeString(touched, Files.readString(touched) + "\nК кластеру присоединился ещё один участник.\n");
        // A new modification time alone is no change: inputs are compared by content.
        Files.setLastModifiedTime(harness.publication().resolve("2030-01/news/02-klaster.md"), FileTime.fromMillis(0));

        CliHarness.Outcome run = harness.run("archive", harness.publication().toString(), "-o", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2030-01: up to date"), run.out());
        assertTrue(run.out().contains("2030-02: built"), run.out());
        assertArrayEquals(january, Files.readAllBytes(out.resolve("2030/2030-01.pdf")));
        assertFalse(java.util.Arrays.equals(february, Files.readAllBytes(out.resolve("2030/2030-02.pdf"))));
        Map<String, Object> issue = maps(json(out.resolve("archive.json")).get("issues")).get(1);
        assertEquals(sha256(out.resolve("2030/2030-02.pdf")), map(issue.get("pdf")).get("sha256"));
    }

    @Test
    void aBrokenIssueFailsAloneAndKeepsItsPreviousPdf() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        Path broken = harness.publication().resolve("2030-01/news/01-zavod.md");
        Files.writeString(broken, Files.readString(broken).replaceFirst("title: [^\\n]*\\n", "title: [unclosed\n"));
        var before = harness.snapshot();

        CliHarness.Outcome run = harness.run("archive", harness.publication().toString(), "-o", out.toString(), "--force");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().matches("(?s).*2030-01/news/01-zavod\\.md:\\d+(:\\d+)?: error: .*"), run.err());
        assertTrue(run.err().contains("2030-01: failed (1 error"), run.err());
        assertTrue(run.err().contains("the previous"), run.err());
        assertTrue(run.out().contains("2030-02: built"), "the other issue still builds: " + run.out());
        CliHarness.assertNoJavaNoise(run);
        var after = harness.snapshot();
        for (var e : before.entrySet()) {
            if (e.getKey().toString().contains("2030-01") && e.getKey().startsWith(out)) {
                assertEquals(e.getValue(), after.get(e.getKey()), "kept: " + e.getKey());
            }
        }
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("2030/2030-01.pdf"), "the previous PDF stays listed");
        assertEquals(sha256(out.resolve("2030/2030-01.pdf")),
                map(maps(json(out.resolve("archive.json")).get("issues")).get(0).get("pdf")).get("sha256"));
    }

    @Test
    void strictTurnsAWarningIntoAFailedIssue() throws IOException {
        CliHarness harness = copyOfFirstRun();
        Path out = temp.resolve("archive");
        Path article = harness.publication().resolve("2030-02/briefs/02-reestr.md");
        Files.writeString(article, Files.readString(article) + "\nТекст со вставкой <script>x()</script> в середине.\n");
        byte[] february = Files.readAllBytes(out.resolve("2030/2030-02.pdf"));

        CliHarness.Outcome strict = harness.run("archive", harness.publication().toString(), "-o", out.toString(), "--strict");
        assertEquals(1, strict.exit(), strict.out() + strict.err());
        assertTrue(strict.err().contains("2030-02/briefs/02-reestr.md:") && strict.err().contains(": warning: "), strict.err());
        assertTrue(strict.err().contains("2030-02: failed (1 warning with --strict)"), strict.err());
        assertArrayEquals(february, Files.readAllBytes(out.resolve("2030/2030-02.pdf")));

        CliHarness.Outcome lenient = harness.run("archive", harness.publication().toString(), "-o", out.toString());
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.out().contains("2030-02: built") && lenient.out().contains("1 warning"), lenient.out());
    }

    @Test
    void anArchiveAmongTheSourcesOrMissingTemplatesStopTheRunBeforeAnyBuild() {
        CliHarness harness = new CliHarness(temp, TWO_ISSUES);
        Path publication = harness.publication();
        CliHarness.Outcome inside = harness.run("archive", publication.toString(), "-o", publication.resolve("archive").toString());
        assertEquals(2, inside.exit(), inside.err());
        assertTrue(inside.err().contains("is inside the publication folder"), inside.err());
        assertFalse(Files.exists(publication.resolve("archive")));

        CliHarness.Outcome templates = harness.run("archive", publication.toString(), "-o", temp.resolve("a").toString(),
                "--templates", temp.resolve("no-such-templates").toString());
        assertEquals(2, templates.exit(), templates.err());
        assertTrue(templates.err().startsWith("digest: ") && templates.err().contains("no-such-templates"), templates.err());
        CliHarness.assertNoJavaNoise(templates);
    }

    /** A fresh copy of the publication and of the archive the first run made, to change without harm. */
    private CliHarness copyOfFirstRun() {
        CliHarness harness = new CliHarness(temp, TWO_ISSUES);
        CliHarness.copyTree(archive, temp.resolve("archive"));
        return harness;
    }

    private static String footer(PDDocument document, int page) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        var box = document.getPage(page - 1).getMediaBox();
        stripper.addRegion("footer", new Rectangle2D.Float(0, box.getHeight() - 55, box.getWidth(), 55));
        stripper.extractRegions(document.getPage(page - 1));
        return stripper.getTextForRegion("footer").strip();
    }

    private static String normal(String s) {
        return s.replace('\u00a0', ' ').replace("\u00ad", "").replaceAll("-\\s*\\n", "-").replaceAll("\\s+", " ").strip();
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static List<Path> pdfs(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return (List<Map<String, Object>>) o;
    }

    static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

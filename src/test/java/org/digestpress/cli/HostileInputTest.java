package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digestpress.BuiltIssue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input a hostile (or careless) editor could hand the build, through the real command line on a
 * copy of the fixture: files and folders that are links to outside, links with dangerous schemes,
 * outputs that would overwrite sources or devices, broken installations. Every case checks the exit
 * code, the file:line of the message where a file is at fault, that no Java internals reached the
 * terminal, and that every file that existed before the run still has its bytes.
 */
class HostileInputTest {

    private static final String SECRET = "TOPSECRET-7f3a";

    @TempDir
    Path temp;

    private CliHarness harness;
    private Path pub;
    private Path out;

    @BeforeEach
    void copyFixture() throws IOException {
        harness = new CliHarness(temp);
        pub = harness.publication();
        out = temp.resolve("out/issue.pdf");
        Files.createDirectories(out.getParent());
        // Files outside the publication that no build may read.
        CliHarness.write(temp.resolve("outside/secret.csv"), "Year,Revenue\n" + SECRET + ",1\n2024,2\n");
        CliHarness.write(temp.resolve("outside/secret.md"), CliHarness.article("title: " + SECRET + "\n", SECRET + "\n"));
        CliHarness.write(temp.resolve("outside/folder/01-secret.md"),
                CliHarness.article("title: " + SECRET + "\n", SECRET + "\n"));
        CliHarness.write(temp.resolve("outside/issue.yaml"), "number: 9\ndate: \"2030-01\"\ninside_cover: " + SECRET + "\n");
    }

    /** Runs the command, checks the exit code, no Java noise, and that no existing file changed. */
    private CliHarness.Outcome expect(int exit, String... args) {
        Map<Path, String> before = harness.snapshot();
        CliHarness.Outcome outcome = harness.run(args);
        CliHarness.assertUnchanged(before, harness.snapshot());
        CliHarness.assertNoJavaNoise(outcome);
        assertEquals(exit, outcome.exit(), () -> "exit code; stderr:\n" + outcome.err() + "\nstdout:\n" + outcome.out());
        assertFalse((outcome.out() + outcome.err()).contains(SECRET), "nothing of an outside file is shown");
        return outcome;
    }

    private CliHarness.Outcome build(int exit) {
        return expect(exit, "build", pub.resolve("2030-01").toString(), "-o", out.toString());
    }

    private static void assertHas(CliHarness.Outcome outcome, String... parts) {
        for (String part : parts) {
            assertTrue(outcome.err().contains(part), "expected '" + part + "' in:\n" + outcome.err());
        }
    }

    private void article(String name, String body) {
        CliHarness.write(pub.resolve("2030-01/news/" + name), CliHarness.article("title: Проверка\n", body));
    }

    private static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String chart(String data) {
        return "Текст.\n\n```chart\ntype: bar\ntitle: Выручка\ndata: " + data + "\nx: Year\ny: Revenue\n```\n";
    }

    private String pdfText() throws IOException {
        try (PDDocument document = Loader.loadPDF(out.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    // ---------------------------------------------------------------- confinement

    @Test
    void chartCsvOutsideThePublicationIsRefused() {
        article("03-chart.md", chart("../../../outside/secret.csv"));
        assertHas(build(1), "2030-01/news/03-chart.md:9:7: error: CSV file '../../../outside/secret.csv' is outside");
        assertFalse(Files.exists(out));
    }

    @Test
    void chartCsvAtEtcPasswdIsRefusedWithoutQuotingIt() {
        article("03-chart.md", chart("../../../../../../../../../../etc/passwd"));
        CliHarness.Outcome o = build(1);
        assertHas(o, "2030-01/news/03-chart.md:9:7: error:", "outside the publication folder");
        assertFalse(o.err().contains("root:"), "the first line of /etc/passwd is not quoted");
    }

    @Test
    void chartCsvThatIsALinkToOutsideIsRefused() {
        link(pub.resolve("2030-01/news/data.csv"), temp.resolve("outside/secret.csv"));
        article("03-chart.md", chart("data.csv"));
        assertHas(build(1), "2030-01/news/03-chart.md:9:7: error: CSV file 'data.csv' is outside the publication "
                + "folder (or a link to a file outside it)");
    }

    @Test
    void articleThatIsALinkToAnOutsideFileIsRefused() {
        link(pub.resolve("2030-01/news/03-link.md"), temp.resolve("outside/secret.md"));
        assertHas(build(1), "2030-01/news/03-link.md:1:1: error: This article is a link to a file outside the publication folder");
    }

    @Test
    void sectionFolderThatIsALinkToAnOutsideFolderIsRefused() throws IOException {
        // The fixture declares the sections news, research and briefs; replace briefs by a link.
        CliHarness.copyTree(pub.resolve("2030-01/briefs"), temp.resolve("moved-briefs"));
        try (var files = Files.list(pub.resolve("2030-01/briefs"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(pub.resolve("2030-01/briefs"));
        link(pub.resolve("2030-01/briefs"), temp.resolve("outside/folder"));
        assertHas(build(1), "2030-01/briefs: error: The section folder is a link to a folder outside the publication folder");
    }

    @Test
    void introThatIsALinkToOutsideIsRefused() {
        link(pub.resolve("2030-01/news/_intro.md"), temp.resolve("outside/secret.md"));
        assertHas(build(1), "2030-01/news/_intro.md:1:1: error: This file is a link to a file outside");
    }

    @Test
    void issueYamlThatIsALinkToOutsideIsRefused() throws IOException {
        Files.delete(pub.resolve("2030-01/issue.yaml"));
        link(pub.resolve("2030-01/issue.yaml"), temp.resolve("outside/issue.yaml"));
        assertHas(build(1), "2030-01/issue.yaml:1:1: error: issue.yaml is a link to a file outside");
    }

    @Test
    void publicationYamlThatIsALinkToOutsideIsRefused() throws IOException {
        Files.move(pub.resolve("publication.yaml"), temp.resolve("outside/publication.yaml"));
        link(pub.resolve("publication.yaml"), temp.resolve("outside/publication.yaml"));
        assertHas(build(1), "publication.yaml:1:1: error: publication.yaml is a link to a file outside");
    }

    @Test
    void issueFolderThatIsALinkToOutsideIsRefused() {
        CliHarness.copyTree(pub.resolve("2030-01"), temp.resolve("outside/2031-01"));
        link(pub.resolve("2031-01"), temp.resolve("outside/2031-01"));
        CliHarness.Outcome o = expect(1, "build", pub.resolve("2031-01").toString(), "-o", out.toString());
        assertHas(o, "2031-01: error: The issue folder is a link to a folder outside the publication folder");
    }

    @Test
    void imageThatIsALinkToOutsideIsRefused() throws IOException {
        Files.copy(pub.resolve("2030-01/images/scheme.svg"), temp.resolve("outside/scheme.svg"));
        link(pub.resolve("2030-01/images/linked.svg"), temp.resolve("outside/scheme.svg"));
        article("03-image.md", "Текст.\n\n![Схема](../images/linked.svg)\n");
        assertHas(build(1), "2030-01/news/03-image.md:6: error: The image '../images/linked.svg' is a link to a file outside");
    }

    @Test
    void linksThatStayInsideThePublicationAreFollowedAndRawHtmlKeepsStraightQuotes() throws IOException {
        // A CSV, an article and an image reached through links that stay inside: all allowed.
        CliHarness.write(pub.resolve("shared/revenue.csv"), "Year,Revenue\n2023,1\n2024,2\n");
        link(pub.resolve("2030-01/news/revenue.csv"), pub.resolve("shared/revenue.csv"));
        CliHarness.write(pub.resolve("shared/03-shared.md"), CliHarness.article("title: Общая заметка\n",
                chart("revenue.csv") + "\nСырой тег <script src=\"x.js\"> остаётся как есть.\n\n"
                        + "[Почта](mailto:office@example.org), [сайт](https://example.org), [наверх](#contents).\n"));
        link(pub.resolve("2030-01/news/03-shared.md"), pub.resolve("shared/03-shared.md"));
        // A stray link to an outside file that is no article: not read, not even for the manifest's hash.
        link(pub.resolve("2030-01/notes.txt"), temp.resolve("outside/secret.md"));
        CliHarness.Outcome o = build(0);
        String manifest = Files.readString(temp.resolve("out/issue.manifest.json"));
        assertTrue(manifest.contains("news/03-shared.md"), manifest);
        assertFalse(manifest.contains("notes.txt"), manifest);
        assertHas(o, "2030-01/news/03-shared.md:14: warning: Raw HTML <script> is not allowed in articles and is printed as text");
        String text = pdfText();
        assertTrue(text.contains("Общая заметка"), "the linked article is printed");
        assertTrue(text.contains("<script src=\"x.js\">"), "raw HTML shown as text keeps straight quotes:\n" + text);
    }

    @Test
    void templateCannotRunPrograms() throws IOException {
        Path templates = temp.resolve("templates");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        Path marker = temp.resolve("pwned");
        Path main = templates.resolve("issue.ftlx");
        List<String> lines = new ArrayList<>(Files.readAllLines(main));
        lines.add(0, "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}");
        Files.write(main, lines);
        CliHarness.Outcome o = expect(1, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--templates", templates.toString());
        assertHas(o, "templates/issue.ftlx:1:", "error: The template failed:", "not allowed");
        assertFalse(Files.exists(marker), "the template ran a program");
        assertFalse(Files.exists(out));
    }

    @Test
    void templateCannotReachTheJavaApi() throws IOException {
        Path templates = temp.resolve("templates");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        Path main = templates.resolve("issue.ftlx");
        List<String> lines = new ArrayList<>(Files.readAllLines(main));
        lines.add(0, "${issue.sections?api.getClass().getName()}");
        Files.write(main, lines);
        CliHarness.Outcome o = expect(1, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--templates", templates.toString());
        assertHas(o, "templates/issue.ftlx:1:", "error: The template");
    }

    @Test
    void templateCannotIncludeAFileOutsideItsFolder() throws IOException {
        Path templates = temp.resolve("templates");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        Files.writeString(temp.resolve("outside/secret.ftl"), SECRET);
        link(templates.resolve("linked.ftl"), temp.resolve("outside/secret.ftl"));
        Path main = templates.resolve("issue.ftlx");
        List<String> lines = new ArrayList<>(Files.readAllLines(main));
        lines.add(0, "<#include \"linked.ftl\">");
        Files.write(main, lines);
        CliHarness.Outcome o = expect(1, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--templates", templates.toString());
        assertHas(o, "templates/issue.ftlx:1:", "error: The template failed:");
    }

    // ---------------------------------------------------------------- link schemes

    private void refusedLink(String markdown, String shown, int line) {
        article("03-link.md", "Первая строка.\n\n" + markdown + "\n");
        assertHas(build(1), "2030-01/news/03-link.md:" + line + ": error: The link '" + shown + "' is not allowed");
        assertFalse(Files.exists(out));
    }

    @Test
    void javascriptLinkIsRefused() {
        refusedLink("[нажми](javascript:alert(1))", "javascript:alert(1)", 6);
    }

    @Test
    void mixedCaseJavascriptLinkIsRefused() {
        refusedLink("[нажми](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)", 6);
    }

    @Test
    void launchLinkIsRefused() {
        refusedLink("[запусти](launch:calc.exe)", "launch:calc.exe", 6);
    }

    @Test
    void fileLinkIsRefused() {
        refusedLink("[файл](file:///etc/passwd)", "file:///etc/passwd", 6);
    }

    @Test
    void dataLinkIsRefused() {
        refusedLink("[данные](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64,PHNjcmlwdD4=", 6);
    }

    @Test
    void relativeFileLinkIsRefused() {
        refusedLink("[другая статья](02-klaster.md)", "02-klaster.md", 6);
    }

    @Test
    void autolinkWithJavascriptIsRefused() {
        refusedLink("Смотри <javascript:alert(1)>.", "javascript:alert(1)", 6);
    }

    @Test
    void referenceStyleLinkIsRefusedAtItsDefinition() {
        article("03-link.md", "Первая строка и [ссылка][x].\n\n[x]: vbscript:msgbox(1)\n");
        assertHas(build(1), "2030-01/news/03-link.md:6: error: The link 'vbscript:msgbox(1)' is not allowed");
    }

    @Test
    void resourceUrlWithJavascriptIsRefused() throws IOException {
        Files.writeString(pub.resolve("publication.yaml"), Files.readString(pub.resolve("publication.yaml"))
                + "resources:\n  - title: Сайт\n    url: https://example.org\n  - title: Плохой\n    url: JavaScript:alert(1)\n");
        String[] lines = Files.readString(pub.resolve("publication.yaml")).split("\n");
        int line = lines.length; // the url is the last line
        assertHas(build(1), "publication.yaml:" + line + ": error: The link 'JavaScript:alert(1)' is not allowed");
    }

    @Test
    void publicationUrlWithFileSchemeIsRefused() throws IOException {
        Files.writeString(pub.resolve("2030-01/issue.yaml"), Files.readString(pub.resolve("2030-01/issue.yaml"))
                .replace("url: https://example.org/report-2", "url: file:///etc/passwd"));
        assertHas(build(1), "2030-01/issue.yaml:9: error: The link 'file:///etc/passwd' is not allowed");
    }

    @Test
    void publisherWebWithLaunchSchemeIsRefused() throws IOException {
        Files.writeString(pub.resolve("publication.yaml"), Files.readString(pub.resolve("publication.yaml"))
                .replace("web: https://example.org", "web: launch:/bin/sh"));
        assertHas(build(1), "publication.yaml:10: error: The publisher's 'web' address 'launch:/bin/sh' is not allowed");
    }

    @Test
    void publisherEmailThatIsNotAnAddressIsRefused() throws IOException {
        Files.writeString(pub.resolve("publication.yaml"), Files.readString(pub.resolve("publication.yaml"))
                .replace("email: test@example.org", "email: \"javascript:alert(1)//@x\""));
        assertHas(build(1), "publication.yaml:9: error: The publisher's 'email' must be a plain address");
    }

    // ---------------------------------------------------------------- outputs

    @Test
    void outputNamingAnArticleIsRefused() {
        Path article = pub.resolve("2030-01/news/01-zavod.md");
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", article.toString());
        assertHas(o, "digest: The output ", "is inside the publication folder", "never writes over its sources");
    }

    @Test
    void outputNamingANewFileInsideThePublicationIsRefused() {
        Path target = pub.resolve("2030-01/issue.pdf");
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", target.toString());
        assertHas(o, "is inside the publication folder");
        assertFalse(Files.exists(target));
    }

    @Test
    void outputThatIsALinkToAnArticleIsRefused() {
        Path target = temp.resolve("out/linked.pdf");
        link(target, pub.resolve("2030-01/news/01-zavod.md"));
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", target.toString());
        assertHas(o, "is inside the publication folder");
    }

    @Test
    void outputInsideTheTemplatesFolderIsRefused() {
        Path templates = temp.resolve("templates");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        Path target = templates.resolve("issue.ftlx");
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", target.toString(),
                "--templates", templates.toString());
        assertHas(o, "is inside the templates folder");
    }

    @Test
    void outputInsideTheFontsFolderIsRefused() {
        Path fonts = temp.resolve("fonts");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("fonts"), fonts);
        Path target = fonts.resolve("PTF55F.ttf");
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", target.toString(),
                "--fonts", fonts.toString());
        assertHas(o, "is inside the fonts folder");
    }

    @Test
    void outputThatIsADeviceNodeIsRefused() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(isCharacterDevice(devNull), "this system has a /dev/null character device");
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", devNull.toString());
        assertHas(o, "digest: The output /dev/null exists and is not a regular file");
        assertTrue(isCharacterDevice(devNull), "/dev/null is still a character device");
    }

    @Test
    void outputThatIsAFolderIsRefused() {
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.getParent().toString());
        assertHas(o, "is a folder; name the PDF file to write");
        assertTrue(Files.isDirectory(out.getParent()));
    }

    @Test
    void outputThatIsAFifoIsRefused() throws Exception {
        Path fifo = temp.resolve("out/pipe.pdf");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo worked");
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", fifo.toString());
        assertHas(o, "exists and is not a regular file");
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void outputUnderAFileIsRefusedWithTheReason() throws IOException {
        Files.writeString(temp.resolve("out/notes.txt"), "notes");
        Path target = temp.resolve("out/notes.txt/issue.pdf");
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", target.toString());
        assertHas(o, "digest: The output " + target + " cannot be written: " + temp.resolve("out/notes.txt") + " is not a folder.");
    }

    @Test
    void unwritableOutputNamesTheOutputAndTheReason() {
        // /sys refuses new files even to root; where it does not, the case cannot be made here.
        assumeTrue(!Files.exists(Path.of("/sys/digestpress-probe")) && refusesNewFiles(Path.of("/sys")),
                "/sys refuses new files");
        Path target = Path.of("/sys/issue.pdf");
        CliHarness.Outcome o = harness.run("build", pub.resolve("2030-01").toString(), "-o", target.toString());
        CliHarness.assertNoJavaNoise(o);
        assertTrue(o.exit() == 1 || o.exit() == 2, o.err());
        assertTrue(o.err().contains("/sys/issue.pdf") && o.err().contains("permission denied"), o.err());
        assertFalse(o.err().contains(".tmp"), "the temporary file is not named: " + o.err());
    }

    @Test
    void thumbnailsPointingAtAFileAreRefusedBeforeThePdfIsReplaced() throws IOException {
        Files.writeString(out, "%PDF-1.7 the previous issue");
        Path file = temp.resolve("out/pictures");
        Files.writeString(file, "not a folder");
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--thumbnails", file.toString());
        assertHas(o, "digest: The thumbnails folder " + file + " exists and is not a folder");
        assertEquals("%PDF-1.7 the previous issue", Files.readString(out));
    }

    @Test
    void manifestPlaceThatIsAFolderIsRefusedBeforeThePdfIsWritten() throws IOException {
        Files.createDirectories(temp.resolve("out/issue.manifest.json"));
        CliHarness.Outcome o = build(2);
        assertHas(o, "digest: The manifest " + temp.resolve("out/issue.manifest.json") + " that goes next to the PDF "
                + "exists and is not a regular file");
        assertFalse(Files.exists(out));
    }

    @Test
    void thumbnailsInsideThePublicationAreRefused() {
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--thumbnails", pub.resolve("2030-01/images").toString());
        assertHas(o, "digest: The thumbnails folder", "is inside the publication folder");
        assertFalse(Files.exists(out));
    }

    // ---------------------------------------------------------------- installation and usage

    @Test
    void missingTemplatesFolderIsAnInstallationProblem() {
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--templates", temp.resolve("nonexistent").toString());
        assertEquals("digest: The templates folder " + temp.resolve("nonexistent") + " does not exist.\n",
                o.err().replace("\r", ""));
    }

    @Test
    void templatesFolderWithoutIssueFtlxIsAnInstallationProblem() throws IOException {
        Path templates = temp.resolve("templates");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        Files.delete(templates.resolve("issue.ftlx"));
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--templates", templates.toString());
        assertEquals("digest: There is no issue.ftlx in " + templates + ".\n", o.err().replace("\r", ""));
    }

    @Test
    void emptyFontsFolderIsAnInstallationProblem() throws IOException {
        Path fonts = Files.createDirectories(temp.resolve("fonts"));
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--fonts", fonts.toString());
        assertEquals("digest: The font PTF55F.ttf is missing from " + fonts + ".\n", o.err().replace("\r", ""));
    }

    @Test
    void corruptFontIsAnInstallationProblem() throws IOException {
        Path fonts = temp.resolve("fonts");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("fonts"), fonts);
        byte[] bytes = Files.readAllBytes(fonts.resolve("PTS55F.ttf"));
        Files.write(fonts.resolve("PTS55F.ttf"), java.util.Arrays.copyOf(bytes, 300));
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--fonts", fonts.toString());
        assertEquals("digest: The font PTS55F.ttf in " + fonts + " is not a usable TrueType file.\n",
                o.err().replace("\r", ""));
    }

    @Test
    void fontThatIsALinkOutsideTheFontsFolderIsAnInstallationProblem() throws IOException {
        Path fonts = temp.resolve("fonts");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("fonts"), fonts);
        Files.move(fonts.resolve("PTS55F.ttf"), temp.resolve("outside/PTS55F.ttf"));
        link(fonts.resolve("PTS55F.ttf"), temp.resolve("outside/PTS55F.ttf"));
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--fonts", fonts.toString());
        assertHas(o, "digest: The file " + fonts.resolve("PTS55F.ttf") + " is a link to ", "outside the fonts folder");
        assertFalse(Files.exists(out));
    }

    @Test
    void labelsThatAreALinkOutsideTheTemplatesFolderAreAnInstallationProblem() throws IOException {
        Path templates = temp.resolve("templates");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        Files.move(templates.resolve("labels/ru.yaml"), temp.resolve("outside/ru.yaml"));
        link(templates.resolve("labels/ru.yaml"), temp.resolve("outside/ru.yaml"));
        CliHarness.Outcome o = expect(2, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--templates", templates.toString());
        assertHas(o, "digest: The file " + templates.resolve("labels/ru.yaml") + " is a link to ",
                "outside the templates folder");
    }

    @Test
    void missingIssueFolderIsNamedAsTheIssueFolder() {
        Path missing = temp.resolve("elsewhere/2031-05");
        CliHarness.Outcome o = expect(2, "build", missing.toString(), "-o", out.toString());
        assertEquals("digest: The issue folder " + missing + " does not exist.\n", o.err().replace("\r", ""));
    }

    @Test
    void checkWithAMissingIssueFolderIsAUsageError() {
        Path missing = pub.resolve("2031-05");
        CliHarness.Outcome o = expect(2, "check", missing.toString());
        assertHas(o, "digest: The issue folder 2031-05 does not exist.");
    }

    // ---------------------------------------------------------------- messages

    @Test
    void unknownFrontMatterKeySaysInTheFrontMatter() {
        CliHarness.write(pub.resolve("2030-01/news/03-key.md"), CliHarness.article("title: Проверка\ntitel: x\n", "Текст.\n"));
        CliHarness.Outcome o = build(0);
        assertHas(o, "2030-01/news/03-key.md:3:1: warning: Unknown key 'titel' in the front matter is ignored");
    }

    @Test
    void droppedAttributeSaysItIsLeftOutNotPrintedAsText() {
        article("03-span.md", "Таблица.\n\n<table><tr><td rowspan=\"two\">a</td><td>b</td></tr></table>\n");
        CliHarness.Outcome o = build(0);
        assertHas(o, "2030-01/news/03-span.md:6: warning: The attribute rowspan=\"two\" of <td> is not allowed with "
                + "this value and is left out");
        assertFalse(o.err().contains("printed as text"), o.err());
    }

    @Test
    void templateErrorGivesTheMissingExpression() throws IOException {
        Path templates = temp.resolve("templates");
        CliHarness.copyTree(BuiltIssue.REPO.resolve("templates"), templates);
        Path main = templates.resolve("issue.ftlx");
        List<String> lines = new ArrayList<>(Files.readAllLines(main));
        lines.add(0, "${issue.noSuchField}");
        Files.write(main, lines);
        CliHarness.Outcome o = expect(1, "build", pub.resolve("2030-01").toString(), "-o", out.toString(),
                "--templates", templates.toString());
        assertHas(o, "templates/issue.ftlx:1:3: error: The template failed: The following has evaluated to null "
                + "or missing: issue.noSuchField");
    }

    @Test
    void unbalancedRawHtmlIsReportedAtItsLine() {
        article("03-table.md", "Первая.\n\nВторая.\n\n<table>\n<tr><td>a</tr>\n</table>\n");
        assertHas(build(1), "2030-01/news/03-table.md:9: error: The raw HTML closes </tr> here while <td> from "
                + "line 9 is still open");
    }

    @Test
    void duplicateFigureIdPointsAtTheSecondDefinition() {
        article("03-figs.md", "Текст.\n\n![Первая](../images/scheme.svg \"Первая\"){#fig:same}\n\n"
                + "Ещё текст.\n\n![Вторая](../images/scheme.svg \"Вторая\"){#fig:same}\n");
        assertHas(build(1), "2030-01/news/03-figs.md:10: error: The figure id 'fig:same' is used twice.");
    }

    private static boolean isCharacterDevice(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000;
    }

    private static boolean refusesNewFiles(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, "digestpress-probe", ".tmp");
            Files.deleteIfExists(probe);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}

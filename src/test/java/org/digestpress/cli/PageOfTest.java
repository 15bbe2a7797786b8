package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest preview --page-of FILE:LINE} through the real command line. */
class PageOfTest {

    @TempDir
    Path temp;

    @Test
    void aHeadingsLineGivesThePageTheContentsPrint() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path pdf = cli.root().resolve("issue.pdf");
        assertEquals(0, cli.run("build", cli.publication().resolve("2030-01").toString(), "-o", pdf.toString()).exit());
        String contents;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(3);
            stripper.setEndPage(3);
            contents = stripper.getText(document);
        }
        // the research article's title (front matter line 2) and the news item's
        assertEquals(printed(contents, "Обзор кластеров по регионам"),
                pageOf(cli, "2030-01/research/01-obzor.md:2"));
        assertEquals(printed(contents, "В Калуге открылся завод двигателей"),
                pageOf(cli, "2030-01/news/01-zavod.md:2"));
        // a heading inside the research article ("## Выводы") is on the article's page in this short issue
        assertEquals(printed(contents, "Обзор кластеров по регионам"), pageOf(cli, "2030-01/research/01-obzor.md:34"));
        // the long table's last rows run on to page 9
        assertEquals(9, pageOf(cli, "2030-01/research/02-metodika.md:71"));
        assertEquals(8, pageOf(cli, "2030-01/research/02-metodika.md:52"), "Организация 41, on the page before");
    }

    @Test
    void aLineThatIsNotPrintedIsAPlainSentenceAndExitOne() {
        CliHarness cli = new CliHarness(temp);
        Path article = cli.publication().resolve("2030-01/news/01-zavod.md");
        CliHarness.Outcome blank = cli.run("preview", "--page-of", article + ":16");
        assertEquals(1, blank.exit(), blank.out() + blank.err());
        assertEquals("", blank.out());
        assertTrue(blank.err().contains("01-zavod.md:16: nothing of this line is printed in the issue"), blank.err());
        CliHarness.assertNoJavaNoise(blank);
    }

    @Test
    void aWrongPlaceIsWrongUsage() {
        CliHarness cli = new CliHarness(temp);
        Path article = cli.publication().resolve("2030-01/news/01-zavod.md");
        for (String spec : new String[] {article.toString(), article + ":0", article + ":x", article + ":-3"}) {
            CliHarness.Outcome outcome = cli.run("preview", "--page-of", spec);
            assertEquals(2, outcome.exit(), spec);
            assertTrue(outcome.err().contains("--page-of takes FILE:LINE"), outcome.err());
        }
        CliHarness.Outcome missing = cli.run("preview", "--page-of", article + "x:3");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("There is no file"), missing.err());
    }

    @Test
    void theMarksStayOutOfTheWebEdition() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path pdf = cli.root().resolve("out/2030-01.pdf");
        assertEquals(0, cli.run("build", cli.publication().resolve("2030-01").toString(), "-o", pdf.toString(), "--web")
                .exit());
        String page = java.nio.file.Files.readString(cli.root().resolve("out/2030-01/index.html"));
        assertTrue(page.contains("Калуге начал серийный"), "the page has the articles");
        assertTrue(!page.contains("data-src"), "where each block is written is not published");
    }

    private static int pageOf(CliHarness cli, String place) {
        CliHarness.Outcome outcome = cli.run("preview", "--page-of", cli.publication().resolve(place).toString());
        assertEquals(0, outcome.exit(), place + ": " + outcome.err());
        CliHarness.assertNoJavaNoise(outcome);
        assertTrue(outcome.out().matches("\\d+\\R"), outcome.out());
        return Integer.parseInt(outcome.out().strip());
    }

    /** The page number the contents print after a title's leader dots. */
    private static int printed(String contents, String title) {
        Matcher m = Pattern.compile(Pattern.quote(title) + "[ .]*(\\d+)").matcher(contents.replace('\u00a0', ' '));
        assertTrue(m.find(), title + " in " + contents);
        return Integer.parseInt(m.group(1));
    }
}

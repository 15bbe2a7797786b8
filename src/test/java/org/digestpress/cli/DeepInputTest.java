package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ordinary Markdown that once overflowed the stack (issue 16): a separator of 2000 dashes pasted
 * from an e-mail, 1000 nested quotes, a line of 3000 list markers, 2000 «А.» in a row. Through
 * the real command line, in every command that typesets: what can print prints, what nests too
 * deep is an error at its file and line, never a trace, and the previous PDF stays.
 */
class DeepInputTest {

    /** The fixture article the text is appended to; its body ends on line 6, the text starts on line 8. */
    private static final String ARTICLE = "2030-01/briefs/01-forum.md";

    @TempDir
    Path temp;

    private CliHarness harness;
    private Path pdf;

    @BeforeEach
    void copyFixture() throws IOException {
        harness = new CliHarness(temp);
        pdf = temp.resolve("out/issue.pdf");
        Files.createDirectories(pdf.getParent());
    }

    private void append(String text) {
        try {
            Path file = harness.publication().resolve(ARTICLE);
            Files.writeString(file, Files.readString(file) + "\n" + text + "\n\nПосле вставки.\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CliHarness.Outcome expect(int exit, String... args) {
        return harness.expect(exit, args);
    }

    private CliHarness.Outcome build(int exit) {
        return expect(exit, "build", harness.publication().resolve("2030-01").toString(), "-o", pdf.toString());
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "_", "*"})
    void aSeparatorOf2000MarksPrintsAsARule(String mark) throws IOException {
        append(mark.repeat(2000));
        build(0);
        assertTrue(text(pdf).contains("После вставки."), "the text after the separator is printed");
    }

    @Test
    void runsThatStartLikeASeparatorButAreNotOnePrint() throws IOException {
        append("**".repeat(2000) + "x\n\n" + "- ".repeat(1500) + "- -\n\n" + "А.".repeat(2000) + "\n\n"
                + "- x\n".repeat(3000));
        build(0);
        String text = text(pdf);
        assertTrue(text.contains("А.А.А.А."), "the run of «А.» is printed");
        assertTrue(text.contains("После вставки."));
    }

    @Test
    void aThousandNestedQuotesAreAnErrorAtTheirLine() {
        Path previous = writeAGoodPdf();
        append(">".repeat(1000) + " цитата");
        CliHarness.Outcome o = build(1);
        assertTrue(o.err().contains(ARTICLE + ":8: error: Boxes, block quotes and lists are nested more than 10 levels"),
                o.err());
        assertTrue(Files.exists(previous));
    }

    @Test
    void aLineOf3000ListMarkersIsAnErrorAtItsLine() {
        append("- ".repeat(3000) + "x");
        CliHarness.Outcome o = expect(1, "check", harness.publication().resolve("2030-01").toString());
        assertTrue(o.err().contains(ARTICLE + ":8: error: Boxes, block quotes and lists are nested more than 10"), o.err());
    }

    @Test
    void listsNestedByIndentationAreAnErrorAtTheFirstLevelTooDeep() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            list.append("  ".repeat(i)).append("- пункт\n");
        }
        append(list.toString());
        CliHarness.Outcome o = expect(1, "check", harness.publication().resolve("2030-01").toString());
        // lines 8..17 are levels 1..10; line 18 opens the 11th
        assertTrue(o.err().contains(ARTICLE + ":18: error:"), o.err());
    }

    @Test
    void tenLevelsOfBoxesQuotesAndListsPrintTheirText() throws IOException {
        append("::: note\n::: note\n::: note\n\n> > > - - - - уровень десять\n\n:::\n:::\n:::");
        build(0);
        assertTrue(text(pdf).contains("уровень десять"));
    }

    @Test
    void emphasisNestedTooDeepIsAnErrorAtItsLine() {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String d = i % 2 == 0 ? "*" : "_";
            open.append(d).append("w ");
            close.insert(0, d + " w");
        }
        append(open + "x" + close);
        CliHarness.Outcome o = expect(1, "check", harness.publication().resolve("2030-01").toString());
        assertTrue(o.err().contains(ARTICLE + ":8: error: Emphasis, links and images are nested more than 20"), o.err());
    }

    @Test
    void previewReportsTheLineToo() {
        append("> ".repeat(1000) + "цитата");
        Path article = harness.publication().resolve(ARTICLE);
        CliHarness.Outcome o = expect(1, "preview", article.toString(), "-o", temp.resolve("out/p.pdf").toString());
        assertTrue(o.err().contains(ARTICLE + ":8: error: Boxes, block quotes and lists are nested"), o.err());
    }

    @Test
    void archiveNamesTheIssueAndTheProblem() {
        append("> ".repeat(1000) + "цитата");
        CliHarness.Outcome o = expect(1, "archive", harness.publication().toString(), "-o",
                temp.resolve("archive").toString());
        assertTrue(o.err().contains(ARTICLE + ":8: error: Boxes, block quotes and lists are nested"), o.err());
        assertTrue(o.err().contains("2030-01: failed"), o.err());
    }

    private Path writeAGoodPdf() {
        build(0);
        return pdf;
    }
}

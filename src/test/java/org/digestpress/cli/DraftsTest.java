package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts: left out of a build with a word, shown and marked by preview and build --drafts. */
class DraftsTest {

    @TempDir
    Path temp;

    private static final String DRAFT = "---\ntitle: Черновая новость о заводе\ndraft: true\n---\nТекст черновика.\n";

    @Test
    void aBuildLeavesADraftOutAndSaysSoAndDraftsIncludesItMarked() throws IOException {
        CliHarness cli = new CliHarness(temp);
        CliHarness.write(cli.publication().resolve("2030-01/news/03-chernovik.md"), DRAFT);
        Path pdf = cli.root().resolve("issue.pdf");
        CliHarness.Outcome built = cli.run("build", cli.publication().resolve("2030-01").toString(), "-o", pdf.toString());
        assertEquals(0, built.exit(), built.err());
        assertTrue(built.err().contains("warning: 1 draft left out (--drafts includes it): news/03-chernovik.md."),
                built.err());
        assertTrue(built.out().contains("1 warning"), built.out());
        assertFalse(text(pdf, 3).contains("Черновая новость"), "a build publishes no draft, nor lists it");

        CliHarness.Outcome drafts = cli.run("build", cli.publication().resolve("2030-01").toString(), "-o",
                pdf.toString(), "--drafts");
        assertEquals(0, drafts.exit(), drafts.err());
        assertFalse(drafts.err().contains("left out"), drafts.err());
        String contents = text(pdf, 3);
        assertTrue(contents.matches("(?s).*Черновая новость о заводе ЧЕРНОВИК[ .]*5\\R.*"),
                "the contents mark the draft (its page, 5): " + contents);
        assertTrue(text(pdf, 5).contains("Черновая новость о заводе"));
        assertTrue(text(pdf, 5).startsWith("Вестник кластеровЧЕРНОВИК") || text(pdf, 5).contains("ЧЕРНОВИК"),
                "the running header of the draft's page says so: " + text(pdf, 5));
        assertFalse(text(pdf, 4).contains("ЧЕРНОВИК"), "the page before: " + text(pdf, 4));
        assertFalse(text(pdf, 6).contains("ЧЕРНОВИК"), "the plain header comes back after the draft: " + text(pdf, 6));
    }

    @Test
    void anIssueOfDraftsOnlySaysSoAndPreviewShowsTheDraftMarked() throws IOException {
        CliHarness cli = new CliHarness(temp);
        assertEquals(0, cli.run("new", "issue", "2030-02", "--content", cli.publication().toString()).exit());
        assertEquals(0, cli.run("new", "article", "news", "Первая новость", "--content",
                cli.publication().toString()).exit());
        CliHarness.Outcome built = cli.run("build", cli.publication().resolve("2030-02").toString(), "-o",
                cli.root().resolve("issue.pdf").toString());
        assertEquals(1, built.exit());
        assertTrue(built.err().contains("error: The only article of this issue is a draft (news/01-pervaia-novost.md)"),
                built.err());
        assertFalse(built.err().contains("has no articles"), built.err());
        CliHarness.assertNoJavaNoise(built);

        Path preview = cli.root().resolve("preview.pdf");
        CliHarness.Outcome shown = cli.run("preview", cli.publication().resolve("2030-02/news/01-pervaia-novost.md")
                .toString(), "-o", preview.toString());
        assertEquals(0, shown.exit(), shown.err());
        String page = text(preview, 1);
        assertTrue(page.contains("Первая новость") && page.contains("ЧЕРНОВИК"), page);
    }

    private static String text(Path pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document).replace('\u00a0', ' ');
        }
    }

}

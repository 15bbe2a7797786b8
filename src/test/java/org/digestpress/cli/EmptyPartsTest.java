package org.digestpress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new issue (no inside_cover, no article with a region) prints no heading over nothing: the
 * «Об издателе» part and the region index are left out, and the build says so and how to fill them.
 */
class EmptyPartsTest {

    @TempDir
    Path temp;

    @Test
    void aNewIssueLeavesOutTheEmptyPartsAndWarns() throws IOException {
        CliHarness cli = new CliHarness(temp);
        Path yaml = cli.publication().resolve("publication.yaml");
        CliHarness.write(yaml, Files.readString(yaml) + "index: [regions]\n");
        assertEquals(0, cli.run("new", "issue", "2030-02", "--content", cli.publication().toString()).exit());
        assertEquals(0, cli.run("new", "article", "news", "Первая новость", "--content",
                cli.publication().toString()).exit());
        Path pdf = cli.root().resolve("issue.pdf");
        CliHarness.Outcome built = cli.run("build", cli.publication().resolve("2030-02").toString(), "-o",
                pdf.toString(), "--drafts");
        assertEquals(0, built.exit(), built.err());
        assertTrue(built.err().contains("2030-02/issue.yaml: warning: issue.yaml has no 'inside_cover', so the inside "
                + "cover has no «Об издателе» part"), built.err());
        assertTrue(built.err().contains("publication.yaml: warning: No article of this issue has 'region' in its "
                + "front matter, so the page «Указатель регионов» (publication.yaml: index) is left out."), built.err());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        assertFalse(text.contains("ОБ ИЗДАТЕЛЕ"), "no heading over nothing on the inside cover");
        assertFalse(text.contains("Указатель регионов"), "no empty index page, nor its contents entry");
        assertTrue(text.contains("Первая новость"));

        // the issue that has both prints both, without a word
        CliHarness.Outcome full = cli.run("build", cli.publication().resolve("2030-01").toString(), "-o",
                cli.root().resolve("full.pdf").toString());
        assertFalse(full.err().contains("inside_cover"), full.err());
    }
}

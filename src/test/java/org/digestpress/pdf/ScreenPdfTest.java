package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build for the screen ({@code digest serve}'s) leaves out only what no picture shows: every page
 * of the fixture (footnotes, tables, charts, figures, the region index) is drawn pixel for pixel as
 * in the issue's own PDF, which alone has the structure tree for screen readers and a manifest;
 * it is still the PDF/A-3u its metadata claims (veraPDF), since serve may offer it as the download.
 */
class ScreenPdfTest {

    @TempDir
    Path temp;

    @Test
    void pagesForTheScreenAreThePagesOfTheIssueWithoutTheTags() throws Exception {
        Path full = temp.resolve("full.pdf");
        Path screen = temp.resolve("screen.pdf");
        BuildResult issue = Pipeline.build(BuiltIssue.request(BuiltIssue.FIXTURE, full));
        BuildResult looked = Pipeline.build(BuiltIssue.request(BuiltIssue.FIXTURE, screen).forScreen(true));
        assertFalse(issue.failed(), issue.problems().toString());
        assertFalse(looked.failed(), looked.problems().toString());
        assertEquals(issue.problems(), looked.problems(), "the same problems are reported");

        try (PDDocument tagged = Loader.loadPDF(Files.readAllBytes(full));
             PDDocument plain = Loader.loadPDF(Files.readAllBytes(screen))) {
            assertEquals(tagged.getNumberOfPages(), plain.getNumberOfPages());
            assertTrue(tagged.getNumberOfPages() >= 8);
            PDFRenderer fromTagged = new PDFRenderer(tagged);
            PDFRenderer fromPlain = new PDFRenderer(plain);
            for (int i = 0; i < tagged.getNumberOfPages(); i++) {
                assertArrayEquals(pixels(fromTagged.renderImageWithDPI(i, 150, ImageType.RGB)),
                        pixels(fromPlain.renderImageWithDPI(i, 150, ImageType.RGB)), "page " + (i + 1) + " looks the same");
            }
            assertNotNull(tagged.getDocumentCatalog().getStructureTreeRoot(), "the issue's PDF is tagged");
            assertNull(plain.getDocumentCatalog().getStructureTreeRoot(), "the screen's PDF has no structure tree");
            assertEquals(tagged.getDocumentCatalog().getDocumentOutline().children().iterator().next().getTitle(),
                    plain.getDocumentCatalog().getDocumentOutline().children().iterator().next().getTitle(),
                    "both have the bookmarks (serve's contents clicks read them)");
        }
        // serve offers it as the download while the sources are broken: what it claims must hold
        assertEquals("", ArchiveQualityTest.failures(Files.readAllBytes(screen), org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_U),
                "the screen's PDF is the PDF/A-3u its metadata says");
        assertTrue(Files.exists(Manifest.fileFor(full)));
        assertFalse(Files.exists(Manifest.fileFor(screen)), "no manifest claims PDF/UA for a PDF without tags");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}

package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.digestpress.engine.Workspace;
import org.digestpress.pdf.DrawnPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve shows the page in view as soon as its build has drawn it, before the other pages are
 * drawn and the PDF is saved. That picture must be the page as the saved PDF draws it: every page
 * of the sample (charts, tables, pictures, the fallback font) and of the fixture, drawn as each was
 * told of, against the picture of the same page of the finished PDF, pixel for pixel.
 */
class EarlyPictureTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"content", "src/test/resources/fixture"})
    void everyPageDrawnAsSoonAsItIsDrawnIsThePageOfTheSavedPdf(String publication) throws IOException {
        comparePages(BuiltIssue.REPO.resolve(publication));
    }

    /** Glyphs PT Sans and PT Serif lack come from the fallback face, which openhtmltopdf loads itself. */
    @Test
    void textInTheFallbackFontToo() throws IOException {
        Path root = ServedFixture.copy(temp);
        Path article = root.resolve("2030-01/news/01-zavod.md");
        Files.writeString(article, Files.readString(article) + "\n\nСделано ✓, отложено ☐, стрелки ⇄ ⇆.\n");
        comparePages(root);
    }

    private void comparePages(Path root) throws IOException {
        int width = 500;
        TreeMap<Integer, byte[]> early = new TreeMap<>();
        List<Integer> pagesWhenTold = new ArrayList<>();
        java.util.Set<String> fonts = new java.util.TreeSet<>();
        Workspace.IssueBuild built = Pipeline.workspace().buildIssue(
                BuiltIssue.request(root, temp.resolve("issue.pdf")).forScreen(true), (DrawnPage page) -> {
                    pagesWhenTold.add(page.document().getNumberOfPages());
                    fonts.addAll(baseFonts(page.page().getResources()));
                    try {
                        early.put(page.index() + 1, PagePictures.drawEarly(page, width));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        assertFalse(built.result().failed(), built.result().problems().toString());
        try (PagePictures saved = new PagePictures(built.laidOut().pdf(), "fonts 0")) {
            assertEquals(saved.pages(), early.size(), "every page is told of, once");
            assertEquals(1, early.firstKey());
            if (root.startsWith(temp)) {
                assertTrue(fonts.contains("DejaVuSans"), "the fallback face is on a page: " + fonts);
            }
            assertTrue(pagesWhenTold.get(0) < saved.pages(),
                    "the first page is told of while later ones are still to be drawn: " + pagesWhenTold);
            for (int n = 1; n <= saved.pages(); n++) {
                assertNotNull(early.get(n), "page " + n + " could be drawn before the save");
                assertArrayEquals(pixels(saved.png(n, width)), pixels(early.get(n)),
                        "page " + n + " drawn early is the page of the saved PDF");
            }
        }
    }

    private static java.util.Set<String> baseFonts(org.apache.pdfbox.pdmodel.PDResources resources) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (org.apache.pdfbox.cos.COSName name : resources.getFontNames()) {
            if (resources.getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.FONT)
                    .getDictionaryObject(name) instanceof org.apache.pdfbox.cos.COSDictionary font) {
                names.add(font.getNameAsString(org.apache.pdfbox.cos.COSName.BASE_FONT));
            }
        }
        return names;
    }

    private static int[] pixels(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}

package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.digestpress.BuildResult;
import org.digestpress.BuiltIssue;
import org.digestpress.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's hash follows what draws it, not where its objects happen to stand in the file; a picture
 * is the page as PDFBox draws the PDF.
 */
class PagePicturesTest {

    @TempDir
    Path temp;

    /** The pictures leave the fonts' /ToUnicode maps out (a cold server's first picture is sooner): no pixel changes. */
    @Test
    void picturesDrawnWithoutTheUnicodeMapsAreThePagesAsTheyAre() throws IOException {
        Path pdf = temp.resolve("issue.pdf");
        BuildResult built = Pipeline.build(BuiltIssue.request(BuiltIssue.FIXTURE, pdf).forScreen(true));
        assertFalse(built.failed(), built.problems().toString());
        byte[] bytes = Files.readAllBytes(pdf);
        try (PDDocument untouched = Loader.loadPDF(bytes); PagePictures pictures = new PagePictures(bytes, "fonts 0")) {
            PDFRenderer plain = new PDFRenderer(untouched);
            int withMaps = 0;
            for (int i = 0; i < untouched.getNumberOfPages(); i++) {
                withMaps += unicodeMaps(untouched.getPage(i).getCOSObject().getCOSDictionary(COSName.RESOURCES));
                int width = 700;
                BufferedImage drawn = ImageIO.read(new java.io.ByteArrayInputStream(pictures.png(i + 1, width)));
                BufferedImage expected = plain.renderImage(i, width / untouched.getPage(i).getCropBox().getWidth(),
                        ImageType.RGB);
                assertArrayEquals(pixels(expected), pixels(drawn), "page " + (i + 1) + " as PDFBox draws the PDF");
                assertEquals(0, unicodeMaps(pictures.document().getPage(i).getCOSObject()
                        .getCOSDictionary(COSName.RESOURCES)), "page " + (i + 1) + " was drawn without the maps");
            }
            assertTrue(withMaps > 0, "the PDF's fonts have /ToUnicode maps, so leaving them out is tested");
        }
    }

    /** The templates set the page size: a page far taller than wide is drawn narrower, not into gigabytes. */
    @Test
    void aPictureHoldsAtMostSoManyPixelsWhateverThePageSize() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.addPage(new PDPage(new PDRectangle(200, 5000)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        try (PagePictures pictures = new PagePictures(pdf, "fonts 0")) {
            int[] a4 = size(pictures.png(1, 4096));
            assertEquals(4096, a4[0], "an A4 page is drawn as wide as asked, up to 4096 pixels");
            int[] strip = size(pictures.png(2, 4096));
            assertTrue((double) strip[0] * strip[1] <= PagePictures.MAX_PIXELS, strip[0] + " x " + strip[1]);
            assertTrue(strip[0] >= 900, "and no narrower than the bound needs: " + strip[0]);
        }
    }

    /** Width and height from a PNG's header. */
    private static int[] size(byte[] png) {
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(png, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }

    private static int unicodeMaps(COSDictionary resources) {
        COSDictionary fonts = resources == null ? null : resources.getCOSDictionary(COSName.FONT);
        int maps = 0;
        if (fonts != null) {
            for (COSName name : fonts.keySet()) {
                if (fonts.getDictionaryObject(name) instanceof COSDictionary font && font.containsKey(COSName.TO_UNICODE)) {
                    maps++;
                }
            }
        }
        return maps;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void theHashFollowsWhatIsDrawnNotTheObjectNumbers() throws IOException {
        String half = hashOfLast(0.5f, false);
        assertEquals(half, hashOfLast(0.5f, true), "the same page after another page: other object numbers, same hash");
        assertNotEquals(half, hashOfLast(0.9f, false), "the same operators with another transparency draw another page");
        assertNotEquals(half, hashOfLast(0.5f, false, "fonts 1"), "drawn with a replaced font");
    }

    private static String hashOfLast(float alpha, boolean pageBefore) throws IOException {
        return hashOfLast(alpha, pageBefore, "fonts 0");
    }

    private static String hashOfLast(float alpha, boolean pageBefore, String fonts) throws IOException {
        try (PDDocument document = new PDDocument()) {
            if (pageBefore) {
                PDPage first = new PDPage(PDRectangle.A4);
                document.addPage(first);
                try (PDPageContentStream content = new PDPageContentStream(document, first)) {
                    content.addRect(10, 10, 50, 50);
                    content.fill();
                }
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDExtendedGraphicsState state = new PDExtendedGraphicsState();
            state.setStrokingAlphaConstant(alpha);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setGraphicsStateParameters(state);
                content.moveTo(0, 0);
                content.lineTo(100, 100);
                content.stroke();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            try (PagePictures pictures = new PagePictures(bytes.toByteArray(), fonts)) {
                return pictures.hashes().get(pictures.pages() - 1);
            }
        }
    }
}

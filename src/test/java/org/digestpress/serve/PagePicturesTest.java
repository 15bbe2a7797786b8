package org.digestpress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.junit.jupiter.api.Test;

/** A page's hash follows what draws it, not where its objects happen to stand in the file. */
class PagePicturesTest {

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

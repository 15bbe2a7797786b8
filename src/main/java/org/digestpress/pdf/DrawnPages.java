package org.digestpress.pdf;

import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Tells a listener of each page of a document as soon as it is drawn, first page first. */
final class DrawnPages implements MeasuredWidths.PageWatch {

    private final PDDocument document;
    private final FontSet fonts;
    private final Consumer<DrawnPage> listener;
    private PDPage current;
    private int told;

    DrawnPages(PDDocument document, FontSet fonts, Consumer<DrawnPage> listener) {
        this.document = document;
        this.fonts = fonts;
        this.listener = listener;
    }

    @Override
    public void drawingOn(PDPage page) {
        if (page == current) {
            return;
        }
        current = page;
        tellBefore(document.getPages().indexOf(page));
    }

    /** Every page is drawn: the ones not told of yet (the last, and any without text after it). */
    void allDrawn() {
        tellBefore(document.getNumberOfPages());
    }

    private void tellBefore(int end) {
        while (told < end) {
            DrawnPage page = new DrawnPage(document, told++, fonts);
            try {
                listener.accept(page);
            } catch (RuntimeException e) {
                // the listener's own business (a picture drawn early): the PDF goes on regardless
            } finally {
                page.release();
            }
        }
    }
}

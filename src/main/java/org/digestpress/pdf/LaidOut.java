package org.digestpress.pdf;

import java.io.IOException;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import org.apache.pdfbox.pdmodel.PDDocument;

/** One layout pass: the renderer holding the laid-out boxes and the PDF document it draws into. */
record LaidOut(PdfBoxRenderer renderer, PDDocument pdf) implements AutoCloseable {
    @Override
    public void close() {
        if (renderer != null) {
            renderer.close();
        }
        try {
            pdf.close();
        } catch (IOException e) {
            // an in-memory document: nothing is left open that closing again would free
        }
    }
}

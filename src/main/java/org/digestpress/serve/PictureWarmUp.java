package org.digestpress.serve;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * What makes the first picture of a cold server slow, done ahead while its first build runs, on
 * the thread that otherwise only waits for it; only when a kept build may be shown meanwhile (with
 * nothing kept, the build draws the page in view itself: {@link EarlyPicture}). Profiled (JFR, 1 ms samples) in a JVM that had just
 * built the sample, drawing its cover took 130 ms, against 30 ms once warm; nearly half of it was
 * a one-time table fontbox fills when it first reads a font's /ToUnicode map (pictures now leave
 * the maps out: {@link PagePictures#withoutUnicodeMaps}), and a third was Java2D's antialiasing
 * rasteriser (Marlin) before the JIT had compiled it. That part is done here on a few shapes, with
 * the classes that read and draw a PDF: about 80 ms of CPU, which the build feels (the machine has
 * no idle core while a cold JVM compiles), for a cover drawn in 45-60 ms instead of about 80.
 */
final class PictureWarmUp {

    private static final int SHAPES = 200;

    private PictureWarmUp() {
    }

    /** Never fails: a warm-up that cannot run only leaves the first picture slower. */
    static void run() {
        try {
            BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                // as PDFBox draws a page: antialiased fills and strokes of curves
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                for (int i = 0; i < SHAPES; i++) {
                    g.setColor(new Color(i * 37 % 255, i * 91 % 255, i * 53 % 255));
                    g.fill(new Ellipse2D.Double(i * 13 % 200, i * 29 % 200, 5 + i % 40, 5 + i % 30));
                    g.setStroke(new BasicStroke(0.5f + i % 3));
                    g.draw(new CubicCurve2D.Double(i % 256, 0, 30, i % 200, 200, 50, 256 - i % 256, 256));
                }
            } finally {
                g.dispose();
            }
            PngEncoder.encode(image); // its row filter, compiled before a page's million pixels
        } catch (RuntimeException | LinkageError e) {
            // no Java2D here: pictures fail on their own and say so
        }
        // The classes that read a PDF and draw a page, loaded and linked now rather than on the
        // way to the first picture: a page of paths, a form and transparency, drawn tiny.
        try (PDDocument document = Loader.loadPDF(smallPage())) {
            new PDFRenderer(document).renderImage(0, 0.25f, ImageType.RGB);
        } catch (IOException | RuntimeException | LinkageError e) {
            // the first picture loads them
        }
    }

    private static byte[] smallPage() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            PDFormXObject form = new PDFormXObject(document);
            form.setBBox(new PDRectangle(20, 20));
            try (PDFormContentStream drawn = new PDFormContentStream(form)) {
                drawn.addRect(2, 2, 16, 16);
                drawn.fill();
            }
            PDExtendedGraphicsState half = new PDExtendedGraphicsState();
            half.setNonStrokingAlphaConstant(0.5f);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.saveGraphicsState();
                content.setGraphicsStateParameters(half);
                content.setNonStrokingColor(0.1f, 0.3f, 0.35f);
                content.moveTo(10, 10);
                content.curveTo(40, 80, 120, 20, 200, 150);
                content.closePath();
                content.fill();
                content.setStrokingColor(0.9f, 0.5f, 0.2f);
                content.moveTo(10, 200);
                content.lineTo(250, 380);
                content.stroke();
                content.restoreGraphicsState();
                content.drawForm(form);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}

package org.digestpress.pdf;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * How far down each page is filled, measured on the PDF: the lowest mark (text, image, filled or
 * stroked shape) inside the text block, with the running head, the page number and the
 * footnotes left out. Footnotes are found by their separator, a thin grey rule in the colour the
 * stylesheet gives the footnote area's top border.
 */
final class PageFill {
    static final double MM = 72 / 25.4;
    /** The text block of the stylesheet's @page: 22 mm top margin, 20 mm bottom margin. */
    static final double TOP_MARGIN = 22 * MM;
    static final double BOTTOM_MARGIN = 20 * MM;
    /** The footnote area's border colour in style.css.ftl (#9aa5ab). */
    private static final float[] FOOTNOTE_RULE = {0x9a / 255f, 0xa5 / 255f, 0xab / 255f};

    /** One page: the lowest mark and the footnote rule as distances from the page top, in points. */
    record Page(int number, double textTop, double textBottom, double lowestMark, double footnoteRule) {
        /** The empty share of the text block below the last mark (footnotes not counted as empty). */
        double emptyShare() {
            double bottom = footnoteRule > 0 ? footnoteRule - 4 * MM : textBottom;
            return Math.max(0, bottom - lowestMark) / (textBottom - textTop);
        }
    }

    private PageFill() {
    }

    static List<Page> measure(PDDocument document) throws IOException {
        List<Page> pages = new ArrayList<>();
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            Engine engine = new Engine(page);
            engine.processPage(page);
            double height = page.getMediaBox().getHeight();
            pages.add(new Page(number, TOP_MARGIN, height - BOTTOM_MARGIN, engine.lowest(), engine.rule));
        }
        return pages;
    }

    /** Collects the bounds of everything painted, in distance from the page top. */
    private static final class Engine extends PDFGraphicsStreamEngine {
        private final double pageHeight;
        private final List<double[]> marks = new ArrayList<>(); // {top, bottom}
        private final Rectangle2D.Double path = new Rectangle2D.Double();
        private boolean pathEmpty = true;
        private double rule = -1;

        Engine(PDPage page) {
            super(page);
            this.pageHeight = page.getMediaBox().getHeight();
        }

        double lowest() {
            double lowest = TOP_MARGIN;
            double limit = rule > 0 ? rule - 0.5 : pageHeight - BOTTOM_MARGIN + 1;
            for (double[] m : marks) {
                // Inside the text block only: not the running head, the page number or the footnotes.
                if (m[0] >= TOP_MARGIN - 1 && m[1] <= limit) {
                    lowest = Math.max(lowest, m[1]);
                }
            }
            return lowest;
        }

        private void mark(Rectangle2D bounds) {
            marks.add(new double[] {pageHeight - bounds.getMaxY(), pageHeight - bounds.getMinY()});
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
            super.showGlyph(textRenderingMatrix, font, code, displacement);
            float size = textRenderingMatrix.getScalingFactorY();
            double x = textRenderingMatrix.getTranslateX();
            double y = textRenderingMatrix.getTranslateY();
            mark(new Rectangle2D.Double(x, y - 0.2 * size, Math.max(1, displacement.getX() * size), 0.9 * size));
        }

        @Override
        public void drawImage(PDImage pdImage) {
            Matrix m = getGraphicsState().getCurrentTransformationMatrix();
            mark(new Rectangle2D.Double(m.getTranslateX(), m.getTranslateY(), m.getScalingFactorX(), m.getScalingFactorY()));
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            add(p0);
            add(p1);
            add(p2);
            add(p3);
        }

        private void add(Point2D p) {
            if (pathEmpty) {
                path.setRect(p.getX(), p.getY(), 0, 0);
                pathEmpty = false;
            } else {
                path.add(p);
            }
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
            add(new Point2D.Float(x, y));
        }

        @Override
        public void lineTo(float x, float y) {
            add(new Point2D.Float(x, y));
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            add(new Point2D.Float(x1, y1));
            add(new Point2D.Float(x2, y2));
            add(new Point2D.Float(x3, y3));
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float(0, 0);
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
            pathEmpty = true;
        }

        @Override
        public void strokePath() {
            paint(getGraphicsState().getStrokingColor());
        }

        @Override
        public void fillPath(int windingRule) {
            paint(getGraphicsState().getNonStrokingColor());
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            paint(getGraphicsState().getNonStrokingColor());
        }

        private void paint(PDColor color) {
            if (pathEmpty) {
                return;
            }
            Rectangle2D device = getGraphicsState().getCurrentTransformationMatrix().createAffineTransform()
                    .createTransformedShape(path).getBounds2D();
            pathEmpty = true;
            if (isWhite(color)) {
                return; // backgrounds the size of the page paint nothing a reader sees
            }
            if (device.getHeight() < 1.5 && isFootnoteRule(color)) {
                double top = pageHeight - device.getMaxY();
                if (top > pageHeight / 2) {
                    rule = rule < 0 ? top : Math.min(rule, top);
                }
                return;
            }
            mark(device);
        }

        private static boolean isWhite(PDColor color) {
            try {
                float[] rgb = color.getColorSpace() == null ? color.getComponents() : color.getColorSpace().toRGB(color.getComponents());
                return rgb.length == 3 && rgb[0] > 0.99 && rgb[1] > 0.99 && rgb[2] > 0.99;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        private static boolean isFootnoteRule(PDColor color) {
            try {
                float[] rgb = color.getColorSpace() == null ? color.getComponents() : color.getColorSpace().toRGB(color.getComponents());
                return rgb.length == 3 && Math.abs(rgb[0] - FOOTNOTE_RULE[0]) < 0.01 && Math.abs(rgb[1] - FOOTNOTE_RULE[1]) < 0.01
                        && Math.abs(rgb[2] - FOOTNOTE_RULE[2]) < 0.01;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}

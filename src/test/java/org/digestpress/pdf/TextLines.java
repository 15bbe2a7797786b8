package org.digestpress.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of every text on the pages, of any font and size (body, lead, boxes, table cells,
 * captions, notes), read back from the PDF by their glyph positions: glyphs of one size on one
 * baseline form a line, cut where a gap wider than a word space stands between them (the next
 * table cell); lines of one size, one left edge and an even step down the page form a paragraph.
 * {@link BodyLines} measures the justified body against the column; this looks at how every
 * paragraph's lines end.
 */
final class TextLines {
    /** A gap this many times the size is no word space: the next cell or column. */
    private static final double CELL_GAP = 0.9;

    /** One line: page, size (pt), baseline, left edge, text. */
    record Line(int page, double size, double baseline, double left, String text) {
        boolean endsInHyphen() {
            return BodyLines.endsInHyphen(text);
        }

        boolean hasSpace() {
            return BodyLines.hasSpace(text);
        }
    }

    /** A paragraph as one page shows it; {@code cut}: the page's text goes on no lower than it (it may go on overleaf). */
    record Paragraph(List<Line> lines, boolean cut) {
    }

    private TextLines() {
    }

    static List<Paragraph> read(PDDocument document) throws IOException {
        BodyLines.Collector collector = new BodyLines.Collector();
        collector.setSortByPosition(false);
        collector.getText(document);
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Map.Entry<Integer, List<TextPosition>> page : collector.glyphs.entrySet()) {
            List<Line> lines = lines(page.getKey(), page.getValue());
            double lowest = lowestText(document, page.getKey(), page.getValue());
            List<Line> open = new ArrayList<>(lines);
            // Take paragraphs greedily: each line joins the paragraph whose last line sits one step above it.
            List<List<Line>> found = new ArrayList<>();
            for (Line line : open) {
                List<Line> home = null;
                for (List<Line> p : found) {
                    Line last = p.get(p.size() - 1);
                    double step = line.baseline() - last.baseline();
                    boolean evenStep = p.size() < 2 || Math.abs(step - (last.baseline() - p.get(p.size() - 2).baseline())) < 0.3;
                    if (Math.abs(last.size() - line.size()) < 0.05 && Math.abs(last.left() - line.left()) < 1
                            && step > 1.05 * line.size() && step < 1.7 * line.size() && evenStep) {
                        home = p;
                        break;
                    }
                }
                if (home == null) {
                    home = new ArrayList<>();
                    found.add(home);
                }
                home.add(line);
            }
            for (List<Line> p : found) {
                Line last = p.get(p.size() - 1);
                paragraphs.add(new Paragraph(List.copyOf(p), last.baseline() >= lowest - 0.5));
            }
        }
        return paragraphs;
    }

    /** The baseline of the page's lowest text above the bottom margin (the page number stands below it). */
    private static double lowestText(PDDocument document, int page, List<TextPosition> glyphs) {
        double foot = document.getPage(page - 1).getMediaBox().getHeight() - PageFill.BOTTOM_MARGIN;
        double lowest = 0;
        for (TextPosition g : glyphs) {
            if (g.getYDirAdj() <= foot + 1) {
                lowest = Math.max(lowest, g.getYDirAdj());
            }
        }
        return lowest;
    }

    private static List<Line> lines(int page, List<TextPosition> glyphs) {
        TreeMap<String, List<TextPosition>> byBaseline = new TreeMap<>();
        for (TextPosition g : glyphs) {
            if (g.getUnicode() == null || g.getUnicode().isEmpty()) {
                continue;
            }
            String key = String.format(java.util.Locale.ROOT, "%09.2f/%06.2f", g.getYDirAdj(), g.getFontSize());
            byBaseline.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        List<Line> lines = new ArrayList<>();
        for (List<TextPosition> row : byBaseline.values()) {
            row.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
            double size = row.get(0).getFontSize();
            StringBuilder text = new StringBuilder();
            double left = row.get(0).getXDirAdj();
            double right = left;
            for (TextPosition g : row) {
                if (text.length() > 0 && g.getXDirAdj() - right > CELL_GAP * size) {
                    add(lines, page, size, row.get(0).getYDirAdj(), left, text);
                    text.setLength(0);
                    left = g.getXDirAdj();
                }
                if (text.length() == 0 && g.getUnicode().isBlank()) {
                    continue;
                }
                text.append(g.getUnicode());
                right = Math.max(right, g.getXDirAdj() + g.getWidthDirAdj());
            }
            add(lines, page, size, row.get(0).getYDirAdj(), left, text);
        }
        lines.sort((a, b) -> Double.compare(a.baseline(), b.baseline()));
        return lines;
    }

    private static void add(List<Line> lines, int page, double size, double baseline, double left, CharSequence text) {
        String t = text.toString().replace('\u00a0', ' ').strip();
        if (!t.isEmpty()) {
            lines.add(new Line(page, size, baseline, left, t));
        }
    }
}

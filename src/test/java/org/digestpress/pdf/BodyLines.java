package org.digestpress.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of body text (PT Serif at 10.5 pt: article paragraphs and list items, which the
 * stylesheet justifies) read back from the PDF by their glyph positions, grouped into paragraphs
 * by geometry: lines one line height apart with the same left edge belong to one paragraph.
 * What a typographer checks with a ruler: where each line ends against the column's right edge,
 * whether letters were spaced apart, which lines end in a hyphen.
 */
final class BodyLines {
    /** The text block's right edge on an A4 page of the stylesheet: 18 mm right margin. */
    static final double RIGHT_MARGIN = 18 * PageFill.MM;
    private static final double SIZE = 10.5;
    /** The body's line height (1.42 × 10.5 pt) and how far a measured step may stray from it. */
    private static final double LEADING = 1.42 * SIZE;
    private static final double LEADING_SLACK = 0.6;

    /** One line: its page, baseline, left and right edges (pt), text, and what its spacing shows. */
    record Line(int page, double baseline, double left, double right, String text, boolean letterSpaced,
                boolean justified) {
        boolean endsInHyphen() {
            return BodyLines.endsInHyphen(text);
        }

        boolean hasSpace() {
            return BodyLines.hasSpace(text);
        }
    }

    /** A line's text ends in a hyphen (a soft hyphen's drawn hyphen, or a word's own). */
    static boolean endsInHyphen(String text) {
        return text.endsWith("-") || text.endsWith("\u2010");
    }

    /** A line's text holds a word space: it is more than one word (or one word's tail). */
    static boolean hasSpace(String text) {
        return text.strip().contains(" ");
    }

    /** One paragraph (as far as one page shows it): its lines, and whether the page cuts it. */
    record Paragraph(List<Line> lines, boolean lastOnPage) {
    }

    private BodyLines() {
    }

    /** The body paragraphs of every page, top to bottom. */
    static List<Paragraph> read(PDDocument document) throws IOException {
        Collector collector = new Collector();
        collector.setSortByPosition(false);
        collector.getText(document);
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Map.Entry<Integer, List<TextPosition>> page : collector.glyphs.entrySet()) {
            double width = document.getPage(page.getKey() - 1).getMediaBox().getWidth();
            List<Line> lines = lines(page.getKey(), page.getValue());
            List<Line> current = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (!current.isEmpty()) {
                    Line previous = current.get(current.size() - 1);
                    boolean same = Math.abs(line.baseline() - previous.baseline() - LEADING) < LEADING_SLACK
                            && Math.abs(line.left() - previous.left()) < 1;
                    if (!same) {
                        paragraphs.add(new Paragraph(List.copyOf(current), false));
                        current.clear();
                    }
                }
                current.add(line);
            }
            if (!current.isEmpty()) {
                paragraphs.add(new Paragraph(List.copyOf(current), true));
            }
            assert width > 0;
        }
        return paragraphs;
    }

    /** The right edge of the text block on the page of {@code line}. */
    static double measureEdge(PDDocument document, Line line) {
        return document.getPage(line.page() - 1).getMediaBox().getWidth() - RIGHT_MARGIN;
    }

    private static List<Line> lines(int page, List<TextPosition> glyphs) {
        TreeMap<Long, List<TextPosition>> byBaseline = new TreeMap<>();
        for (TextPosition g : glyphs) {
            if (isBody(g)) {
                byBaseline.computeIfAbsent((long) Math.round(g.getYDirAdj() * 4.0), k -> new ArrayList<>()).add(g);
            }
        }
        // Superscripts (footnote calls) and other sizes on a body line count towards its ends.
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Long, List<TextPosition>> entry : byBaseline.entrySet()) {
            double baseline = entry.getKey() / 4.0;
            List<TextPosition> line = new ArrayList<>(entry.getValue());
            for (TextPosition g : glyphs) {
                if (!isBody(g) && g.getYDirAdj() < baseline + 1 && g.getYDirAdj() > baseline - 6) {
                    line.add(g);
                }
            }
            line.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
            dropListMarker(line);
            if (line.isEmpty()) {
                continue;
            }
            lines.add(describe(page, baseline, line));
        }
        return lines;
    }

    /** A list item's first line starts with its bullet or number, set in the margin before the text. */
    private static void dropListMarker(List<TextPosition> line) {
        for (int i = 0; i + 1 < line.size() && i < 4; i++) {
            double gap = line.get(i + 1).getXDirAdj() - (line.get(i).getXDirAdj() + line.get(i).getWidthDirAdj());
            if (gap > 4 && line.get(i).getUnicode().matches("[•\\d.\u2013\u2014-]")) {
                line.subList(0, i + 1).clear();
                while (!line.isEmpty() && line.get(0).getUnicode().isBlank()) {
                    line.remove(0);
                }
                return;
            }
        }
    }

    private static Line describe(int page, double baseline, List<TextPosition> line) {
        StringBuilder text = new StringBuilder();
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        boolean letterSpaced = false;
        int spaces = 0;
        int stretched = 0;
        for (int i = 0; i < line.size(); i++) {
            TextPosition g = line.get(i);
            String u = g.getUnicode();
            text.append(u);
            boolean space = u.isBlank() || u.equals("\u00a0");
            if (!space) {
                left = Math.min(left, g.getXDirAdj());
                right = Math.max(right, g.getXDirAdj() + g.getWidthDirAdj());
            }
            if (i + 1 < line.size()) {
                TextPosition next = line.get(i + 1);
                double gap = next.getXDirAdj() - (g.getXDirAdj() + g.getWidthDirAdj());
                boolean nextSpace = next.getUnicode().isBlank() || next.getUnicode().equals("\u00a0");
                boolean sameRun = Math.abs(g.getFontSize() - next.getFontSize()) < 0.01
                        && Math.abs(g.getYDirAdj() - next.getYDirAdj()) < 0.01
                        && g.getFont() == next.getFont();
                if (space) {
                    spaces++;
                    stretched += gap > 0.05 ? 1 : 0;
                }
                // Between two letters of one run: a thin space or a link drawn apart is not letter spacing.
                boolean letters = !u.isEmpty() && !next.getUnicode().isEmpty() && Character.isLetter(u.codePointAt(0)) && Character.isLetter(next.getUnicode().codePointAt(0));
                if (!space && !nextSpace && sameRun && letters && gap > 0.05) {
                    letterSpaced = true;
                }
            }
        }
        // Justified: most word spaces were widened (a link's text drawn apart can leave one gap).
        boolean justified = stretched > 0 && stretched * 2 >= spaces;
        return new Line(page, baseline, left, right, text.toString().replace('\u00a0', ' ').strip(), letterSpaced,
                justified);
    }

    private static boolean isBody(TextPosition g) {
        String name = g.getFont() == null || g.getFont().getName() == null ? "" : g.getFont().getName();
        return Math.abs(g.getFontSize() - SIZE) < 0.1 && (name.contains("PTSerif") || name.contains("PT Serif")
                || name.contains("PTF5") || name.contains("PTF7"));
    }

    /** Collects every glyph with its page, in drawing order. */
    static final class Collector extends PDFTextStripper {
        final Map<Integer, List<TextPosition>> glyphs = new TreeMap<>();

        Collector() throws IOException {
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            glyphs.computeIfAbsent(getCurrentPageNo(), k -> new ArrayList<>()).add(text);
        }
    }
}

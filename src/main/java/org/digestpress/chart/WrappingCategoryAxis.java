package org.digestpress.chart;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A category axis that wraps its labels as a person would. JFreeChart's own wrapping, given a
 * piece wider than the label's room, cuts it inside a word («Московска/я»). Here a label breaks
 * only at its ordinary spaces, so what the typography stage joined with no-break spaces («и
 * Московская», «(не менее)») stays together, and after the hyphen of a compound that is too
 * wide («Санкт-/Петербург»). A piece still too wide stands on its own line, a little wider than
 * the room, rather than being cut or leaving a short word at a line end.
 */
final class WrappingCategoryAxis extends CategoryAxis {
    private static final long serialVersionUID = 1L;

    WrappingCategoryAxis() {
        super(null);
    }

    @Override
    protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
        Font font = getTickLabelFont(category);
        Paint paint = getTickLabelPaint(category);
        FontMetrics metrics = g2.getFontMetrics(font);
        TextBlock block = new TextBlock();
        for (String line : wrap(category.toString(), width, getMaximumCategoryLabelLines(), metrics)) {
            block.addLine(line, font, paint);
        }
        return block;
    }

    /** Lines of at most {@code width} where possible; the last allowed line takes whatever is left. */
    static List<String> wrap(String label, float width, int maxLines, FontMetrics metrics) {
        // Each piece with what joins it to the next: a space, or nothing after a compound's hyphen.
        List<String> pieces = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        for (String unit : label.split(" ")) {
            if (unit.isEmpty()) {
                continue;
            }
            List<String> parts = metrics.stringWidth(unit) <= width ? List.of(unit) : open(unit);
            for (int i = 0; i < parts.size(); i++) {
                pieces.add(parts.get(i));
                joins.add(i + 1 < parts.size() ? "" : " ");
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (line.length() == 0) {
                line.append(piece);
                continue;
            }
            String candidate = line + joins.get(i - 1) + piece;
            if (metrics.stringWidth(candidate) <= width || lines.size() == maxLines - 1) {
                line.setLength(0);
                line.append(candidate);
            } else {
                // The space stays at the end of the line, as JFreeChart leaves it: text read back
                // line by line (an SVG's <text> elements, a PDF's) joins into the label again.
                lines.add(line + joins.get(i - 1));
                line.setLength(0);
                line.append(piece);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A unit too wide for a line, cut after the hyphens of its compounds (each piece keeps its hyphen). */
    private static List<String> open(String unit) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            boolean hyphenBetweenLetters = c == '-' && i > 0 && i + 1 < unit.length()
                    && Character.isLetter(unit.charAt(i - 1)) && Character.isLetter(unit.charAt(i + 1));
            if (hyphenBetweenLetters) {
                pieces.add(unit.substring(from, i + 1));
                from = i + 1;
            }
        }
        pieces.add(unit.substring(from));
        return pieces;
    }
}

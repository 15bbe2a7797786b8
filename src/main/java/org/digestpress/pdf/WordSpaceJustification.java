package org.digestpress.pdf;

import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.CharCounts;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.render.LineBox;

/**
 * Justifies every full line of justified text to the measure exactly, by its word spaces alone.
 *
 * <p>openhtmltopdf's {@code LineBox.justify()} splits a line's slack by fixed shares, four fifths
 * to the word spaces and one fifth to the letters, each capped by
 * {@code -fs-max-justification-inter-word} and {@code -inter-char}; what a cap cuts off is never
 * given to the other. With letter spacing capped at zero (a book never letter-spaces body text)
 * every justified line stopped a fifth of its slack short of the margin. Its justification is
 * private, but what it decided is kept in public objects: the line's {@link JustificationInfo}
 * (read again when the text is drawn) and the children's x positions. So after the last layout
 * pass, each line that openhtmltopdf justified gets the difference between the spacing it gave
 * and the spacing that fills the line (all of the slack over the word spaces, none between
 * letters): the children shift by it through {@link InlineLayoutBox#adjustHorizontalPosition},
 * the same per-child shift openhtmltopdf used, and the info takes the new values for drawing.
 * A line openhtmltopdf left alone (a paragraph's last line, one ending at a forced break, one
 * without a word space) stays as it is.
 */
final class WordSpaceJustification {
    /**
     * openhtmltopdf keeps a line wider than the measure (a composed line whose spaces must shrink)
     * without a {@link JustificationInfo}, and its setter is private: the one private method used,
     * through reflection, since no public way gives a line one. Null when the library hides it.
     */
    private static final java.lang.reflect.Method SET_INFO = setter();
    /** Whether lines wider than the measure can be narrowed: the composer lets spaces shrink only then. */
    static final boolean CAN_NARROW = SET_INFO != null;

    private WordSpaceJustification() {
    }

    private static java.lang.reflect.Method setter() {
        try {
            java.lang.reflect.Method method = LineBox.class.getDeclaredMethod("setJustificationInfo", JustificationInfo.class);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Re-justifies every line under {@code root}; answers how many lines were set. */
    static int apply(Box root, LayoutContext context) {
        return walk(root, context, 0);
    }

    private static int walk(Box box, LayoutContext context, int depth) {
        if (depth > 400) {
            return 0;
        }
        int set = 0;
        for (Box child : box.getChildren()) {
            if (child instanceof LineBox line) {
                set += justify(line, context) ? 1 : 0;
            } else {
                set += walk(child, context, depth + 1);
            }
        }
        return set;
    }

    private static boolean justify(LineBox line, LayoutContext context) {
        // Lines drawn again at paint time (page counters) are justified then by openhtmltopdf itself.
        if (line.isContainsDynamicFunction() || line.getParent() == null) {
            return false;
        }
        JustificationInfo info = line.getJustificationInfo();
        if (info == null) {
            info = narrowed(line);
            if (info == null) {
                return false;
            }
        }
        int available = available(line);
        int slack = available - line.getContentWidth() + overestimate(line, info, context);
        CharCounts counts = new CharCounts();
        for (Box child : line.getChildren()) {
            if (child instanceof InlineLayoutBox inline) {
                inline.countJustifiableChars(counts);
            }
        }
        if (slack == 0 || counts.getSpaceCount() == 0) {
            return false;
        }
        float space = (float) slack / counts.getSpaceCount();
        JustificationInfo delta = new JustificationInfo();
        delta.setSpaceAdjust(space - info.getSpaceAdjust());
        delta.setNonSpaceAdjust(-info.getNonSpaceAdjust());
        float adjust = 0;
        for (Box child : line.getChildren()) {
            child.setX(child.getX() + Math.round(adjust));
            if (child instanceof InlineLayoutBox inline) {
                adjust += inline.adjustHorizontalPosition(delta, adjust);
            }
        }
        line.calcChildLocations();
        info.setSpaceAdjust(space);
        info.setNonSpaceAdjust(0);
        return true;
    }

    /**
     * A line of justified text wider than the measure (openhtmltopdf gave it no justification): a
     * composed line whose spaces shrink. It gets a justification of its own, of no spacing yet.
     * Null for any other line: a paragraph's last, one ending at a forced break, one that fits.
     */
    private static JustificationInfo narrowed(LineBox line) {
        if (SET_INFO == null || !line.getParent().getStyle().isTextJustify() || line.isEndsOnNL()
                || line.getParent().getStyle().hasLetterSpacing()) {
            return null;
        }
        if (line.getContentWidth() <= available(line) || isLastWithContent(line)) {
            return null;
        }
        JustificationInfo info = new JustificationInfo();
        try {
            SET_INFO.invoke(line, info);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return info;
    }

    /** The width a line may fill: its block's content width, less floats beside it and its indent. */
    static int available(LineBox line) {
        var floats = line.getFloatDistances();
        int beside = floats == null ? 0 : floats.getLeftFloatDistance() + floats.getRightFloatDistance();
        return line.getParent().getContentWidth() - beside - line.getContentStart();
    }

    private static boolean isLastWithContent(LineBox line) {
        for (Box next = line.getNextSibling(); next != null; next = next.getNextSibling()) {
            if (next instanceof LineBox l && l.isContainsContent()) {
                return false;
            }
        }
        return true;
    }

    /**
     * How much wider the line's last text was laid out than it is drawn. Line breaking adds up the
     * widths of the pieces between break opportunities, each rounded up to a whole dot; a line
     * that ends at a space is measured again whole when the space is trimmed, but one that ends
     * at a soft hyphen or at the end of an element keeps the sum, up to 0.7 pt too wide.
     */
    private static int overestimate(LineBox line, JustificationInfo info, LayoutContext context) {
        InlineText last = lastText(line);
        if (last == null || last.getParent() == null) {
            return 0;
        }
        String drawn = last.isEndsOnSoftHyphen() ? last.getSubstring() + '-' : last.getSubstring();
        int width = context.getTextRenderer().getWidth(context.getFontContext(),
                last.getParent().getStyle().getFSFont(context), drawn);
        // The text's width already holds the spacing openhtmltopdf's justification gave it.
        return Math.max(0, Math.round(last.getWidth() - last.calcTotalAdjustment(info)) - width);
    }

    private static InlineText lastText(Box box) {
        Object last = box;
        for (int depth = 0; depth < 100; depth++) {
            if (last instanceof InlineText text) {
                return text;
            } else if (last instanceof InlineLayoutBox inline && !inline.getInlineChildren().isEmpty()) {
                last = inline.getInlineChildren().get(inline.getInlineChildren().size() - 1);
            } else if (last instanceof LineBox l && l.getChildCount() > 0) {
                last = l.getChild(l.getChildCount() - 1);
            } else {
                return null;
            }
        }
        return null;
    }
}

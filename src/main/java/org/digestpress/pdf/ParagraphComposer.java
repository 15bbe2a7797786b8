package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.openhtmltopdf.css.constants.CSSName;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.newtable.TableBox;
import com.openhtmltopdf.newtable.TableCellBox;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.LineBox;
import org.w3c.dom.Element;

/**
 * Sets the lines of every justified paragraph by total fit ({@link TotalFit}) instead of
 * openhtmltopdf's greedy breaking, from a laid-out document: each paragraph's text, fonts and
 * measure are read from its boxes (so the measure is the real one of its context: body column,
 * list item, box, inside cover), the text is cut into words, spaces and hyphenation points (the
 * soft hyphens the typography stage put in), measured with the fonts the layout used, and the
 * chosen breaks go into the {@link ChosenBreaks.Plan} that the next layout pass breaks by.
 *
 * <p>A hyphenation point is a break only with two letters on either side, and never inside a
 * word holding a digit or two capitals (Су-30СМ, ПМЭФ-2025, model numbers): those are names.
 * A word never breaks at its own hyphen either, since only spaces and soft hyphens are offered.
 * A paragraph with anything but text in its lines (an inline picture, letter-spaced text) keeps
 * openhtmltopdf's breaking.
 */
final class ParagraphComposer {
    /** Dots a fit decision may be off by: each measured piece is rounded up to a whole dot. */
    private static final int SLACK = 40;

    /** How many hyphens at a page's foot one paragraph refuses, one per layout pass. */
    static final int MAX_REFUSED = 2;
    /** Breaks refused in later passes (a hyphen at a page's foot), by the paragraph's text. */
    private final java.util.Map<String, java.util.Set<Integer>> refused = new java.util.HashMap<>();
    private final ChosenBreaks.Plan plan;
    private LayoutContext context;
    private List<com.openhtmltopdf.render.PageBox> pages;
    private boolean first = true;
    /** Elements whose text is left alone: parts whose lines came settled from an earlier build. */
    private java.util.function.Predicate<Element> skipped = element -> false;
    private Set<Element> changed;

    ParagraphComposer(ChosenBreaks.Plan plan) {
        this.plan = plan;
    }

    /** From now on, leaves the text inside the elements {@code skipped} accepts alone. */
    void skip(java.util.function.Predicate<Element> skipped) {
        this.skipped = skipped;
    }

    /**
     * Looks at one layout pass. The first (greedy lines, but the real measures and fonts):
     * composes every justified paragraph into the plan. Later ones, laid out by the plan: where a
     * page ends on a hyphen, composes that paragraph again without that break, if it can.
     *
     * @return the elements whose lines the plan changed: they must be laid out again
     */
    Set<Element> look(Box root, LayoutContext context, List<com.openhtmltopdf.render.PageBox> pages) {
        this.context = context;
        this.pages = pages;
        this.changed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        walk(root, 0);
        first = false;
        return changed;
    }

    private void walk(Box box, int depth) {
        if (depth > 400 || box.getElement() != null && skipped.test(box.getElement())) {
            return;
        }
        if (box instanceof BlockBox block && block.getChildrenContentType() == BlockBox.ContentType.INLINE) {
            if (block.getStyle().isTextJustify() || isHeading(block) || isRagged(block)) {
                try {
                    compose(block);
                } catch (RuntimeException e) {
                    // A paragraph the composer cannot read keeps openhtmltopdf's own breaking.
                }
            }
            return;
        }
        for (Box child : box.getChildren()) {
            walk(child, depth + 1);
        }
    }


    private void compose(BlockBox block) {
        List<LineBox> lines = new ArrayList<>();
        for (Box child : block.getChildren()) {
            if (child instanceof LineBox line) {
                lines.add(line);
            }
        }
        if (lines.size() < 2) {
            return; // one line: nothing to choose
        }
        List<ParagraphItems.Run> runs = new ArrayList<>();
        List<Integer> laidStarts = new ArrayList<>();
        int[] offset = {0};
        for (LineBox line : lines) {
            List<InlineText> texts = new ArrayList<>();
            if (!collect(line, texts, 0)) {
                return;
            }
            boolean first = true;
            for (InlineText text : texts) {
                if (text.getLetterSpacing() != 0 || text.isDynamicFunction() || text.getMasterText() == null) {
                    return;
                }
                if (runs.isEmpty() || runs.get(runs.size() - 1).text() != text.getMasterText()) {
                    if (!runs.isEmpty()) {
                        offset[0] += runs.get(runs.size() - 1).text().length();
                    }
                    runs.add(new ParagraphItems.Run(text.getMasterText(), text.getParent().getStyle().getFSFont(context)));
                }
                if (first && line != lines.get(0)) {
                    laidStarts.add(offset[0] + text.getStart());
                }
                first = false;
            }
        }
        if (isHeading(block)) {
            if (first && runs.size() == 1) {
                balance(block, lines, runs.get(0), laidStarts);
            }
            return;
        }
        boolean ragged = !block.getStyle().isTextJustify();
        String key = runs.stream().map(ParagraphItems.Run::text).collect(java.util.stream.Collectors.joining());
        if (ragged && key.indexOf('\u00ad') < 0) {
            return; // ragged text with no hyphenation point: greedy breaking has nothing to ladder
        }
        if (!first) {
            // Laid out by the plan: only a hyphen at a page's foot is looked at, and only so often:
            // each new set of lines can end the page on another hyphen, and a paragraph that never
            // settles keeps the whole placement moving until its passes run out. A hyphen at a
            // page's foot is the lesser fault.
            int foot = hyphenAtFoot(lines, laidStarts);
            java.util.Set<Integer> no = refused.computeIfAbsent(key, k -> new java.util.TreeSet<>());
            if (foot < 0 || no.size() >= MAX_REFUSED || !no.add(foot)) {
                return;
            }
        }
        int firstWidth = available(lines.get(0));
        int width = available(lines.get(1));
        ParagraphItems paragraph = new ParagraphItems(runs, ragged, this::measure);
        boolean[] forbidden = new boolean[paragraph.items.size()];
        java.util.Set<Integer> no = refused.getOrDefault(key, java.util.Set.of());
        for (int i = 0; i < forbidden.length; i++) {
            forbidden[i] = paragraph.items.type()[i] == TotalFit.PENALTY && no.contains(paragraph.after[i]);
        }
        int rag = ragged ? (int) Math.round(TotalFit.RAGGED_EMS * measure(runs.get(0).font(), "\u2014")) : 0;
        int[] breaks = new TotalFit(paragraph.items, firstWidth, width, SLACK, forbidden, rag).breaks();
        if (breaks == null) {
            return;
        }
        int[] starts = new int[breaks.length];
        for (int i = 0; i < breaks.length; i++) {
            starts[i] = paragraph.after[breaks[i]];
        }
        int from = 0;
        for (int k = 0; k < runs.size(); k++) {
            int to = from + runs.get(k).text().length();
            final int lo = from;
            int[] inRun = Arrays.stream(starts).filter(p -> p > lo && p < to).map(p -> p - lo).toArray();
            plan.add(elementOf(block), runs.get(k).text(), inRun, !first);
            from = to;
        }
        if (!Arrays.equals(starts, laidStarts.stream().mapToInt(Integer::intValue).toArray())
                && block.getElement() != null) {
            changed.add(block.getElement());
        }
    }

    /** The element a block's text belongs to: its own, or an anonymous block's nearest. */
    private static Element elementOf(Box block) {
        for (Box box = block; box != null; box = box.getParent()) {
            if (box.getElement() != null) {
                return box.getElement();
            }
        }
        return null;
    }

    /** Headings and titles: an h1–h6, or an element whose class names a title. */
    private static boolean isHeading(BlockBox block) {
        Element element = block.getElement();
        if (element == null || block.getStyle().isTextJustify()) {
            return false;
        }
        return element.getTagName().matches("h[1-6]") || element.getAttribute("class").contains("__title");
    }

    /**
     * Ragged-right text composed like TeX's \raggedright: left (or start) aligned, not set as
     * written (pre), and in a table cell only where the table's layout is fixed. An automatic
     * table layout measures each cell's text with the same line breaker to find the cell's
     * narrowest width (openhtmltopdf's {@code AutoTableLayout}, {@code calcMinMaxWidth}), and a
     * plan offering fewer breaks would make that text look wider to the table than it was when
     * the paragraph was composed: the columns could change. A fixed layout
     * ({@code FixedTableLayout}) takes the columns from the table's width and the first row's
     * widths alone, never from the cells' text, so the width the first pass gave a cell is the
     * one it keeps. Which of these texts have a hyphenation point is checked after.
     */
    private static boolean isRagged(BlockBox block) {
        IdentValue align = block.getStyle().getTextAlign();
        if ((align != IdentValue.LEFT && align != IdentValue.START) || isHeading(block)
                || block.getStyle().isIdent(CSSName.WHITE_SPACE, IdentValue.PRE)
                || block.getStyle().isIdent(CSSName.WHITE_SPACE, IdentValue.PRE_WRAP)) {
            return false;
        }
        int depth = 0;
        for (Box box = block; box != null && depth < 400; box = box.getParent(), depth++) {
            if (box instanceof TableCellBox cell) {
                TableBox table = cell.getTable();
                return table != null && table.getStyle().isIdent(CSSName.TABLE_LAYOUT, IdentValue.FIXED)
                        && !table.getStyle().isAutoWidth() && !table.isMarginAreaRoot();
            }
        }
        return true;
    }

    /** A heading set in balanced lines ({@link HeadingBalance}), only at spaces. */
    private void balance(BlockBox block, List<LineBox> lines, ParagraphItems.Run run, List<Integer> laidStarts) {
        ParagraphItems paragraph = new ParagraphItems(List.of(run), false, this::measure);
        int[] breaks = HeadingBalance.breaks(paragraph.items, available(lines.get(0)), lines.size(), SLACK);
        if (breaks == null) {
            return;
        }
        int[] starts = Arrays.stream(breaks).map(b -> paragraph.after[b]).toArray();
        plan.add(elementOf(block), run.text(), starts, false);
        if (!Arrays.equals(starts, laidStarts.stream().mapToInt(Integer::intValue).toArray())
                && block.getElement() != null) {
            changed.add(block.getElement());
        }
    }

    /**
     * Where the line that ends a page ends, when it ends on a hyphen: the text position after the
     * soft hyphen; -1 when no page ends inside the paragraph on a hyphen.
     */
    private int hyphenAtFoot(List<LineBox> lines, List<Integer> starts) {
        for (int i = 0; i + 1 < lines.size() && i < starts.size(); i++) {
            if (page(lines.get(i)) != page(lines.get(i + 1)) && endsOnSoftHyphen(lines.get(i))) {
                return starts.get(i);
            }
        }
        return -1;
    }

    private int page(LineBox line) {
        int y = line.getAbsY();
        for (int i = 0; i < pages.size(); i++) {
            if (y >= pages.get(i).getTop() && y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsOnSoftHyphen(LineBox line) {
        List<InlineText> texts = new ArrayList<>();
        return collect(line, texts, 0) && !texts.isEmpty() && texts.get(texts.size() - 1).isEndsOnSoftHyphen();
    }

    /** The texts of a line in order; false when the line holds anything else (an inline block, a picture). */
    private static boolean collect(Object box, List<InlineText> texts, int depth) {
        if (depth > 50) {
            return false;
        }
        if (box instanceof InlineText text) {
            texts.add(text);
            return true;
        }
        if (box instanceof LineBox line) {
            for (Box child : line.getChildren()) {
                if (!collect(child, texts, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (box instanceof InlineLayoutBox inline) {
            for (Object child : inline.getInlineChildren()) {
                if (!collect(child, texts, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static int available(LineBox line) {
        return WordSpaceJustification.available(line);
    }

    private int measure(FSFont font, String text) {
        return context.getTextRenderer().getWidth(context.getFontContext(), font, text);
    }
}

package org.digestpress.pdf;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.layout.Layer;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.LineBox;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;

/**
 * What the text of each line end needs so that extracted text keeps whole words and spaces,
 * read from the laid-out boxes before the pages are drawn, and applied as each piece of text is
 * drawn (through {@link MeasuredWidths}, openhtmltopdf's text renderer in our builds).
 *
 * <p>openhtmltopdf knows at layout time what a line end is: a piece of text whose trailing space
 * was trimmed at the break (its text for export ends with the space its drawn text lacks), one
 * that ends on a soft hyphen (it draws the text, U+00AD included, plus a U+002D), one that starts
 * right after a soft hyphen (the word's tail). This is exact, where matching the PDF's text against
 * the source afterwards would have to guess: «северо-западный» broken after its own hyphen and
 * «при-быль» broken by hyphenation look the same on the page.
 *
 * <ul>
 * <li>A line that broke at a space (or at a {@code <br/>}) is drawn with the space: a space glyph
 *     after the last letter, invisible, so every extractor and the tagged text get the space.</li>
 * <li>A hyphenated word's head and tail are drawn inside a marker ({@link #MARK}) that says which
 *     glyphs are the head (and the whole word) or the tail; {@link BrokenWords} then wraps exactly
 *     those glyphs in /ActualText spans and removes the markers.</li>
 * </ul>
 */
final class LineEnds {
    /** The marked-content tag of the markers; none is left in a finished PDF. */
    static final COSName MARK = COSName.getPDFName("DigestpressLineEnd");
    /**
     * Marker keys: the head's glyphs as text (the word's start and the hyphen), the whole word, the
     * tail's glyphs as text, and for each of head and tail the number of its break, which pairs a
     * head with its tail (the two may be on different pages).
     */
    static final COSName HEAD = COSName.getPDFName("Head");
    static final COSName WORD = COSName.getPDFName("Word");
    static final COSName HEAD_BREAK = COSName.getPDFName("HeadBreak");
    static final COSName TAIL = COSName.getPDFName("Tail");
    static final COSName TAIL_BREAK = COSName.getPDFName("TailBreak");
    /** How many glyphs the marked text draws in all: a check that the marker's text is the glyphs'. */
    static final COSName GLYPHS = COSName.getPDFName("Glyphs");

    private static final char SOFT_HYPHEN = '\u00ad';
    /** openhtmltopdf's end of line character for a {@code <br/>} or a preformatted line end. */
    private static final char LINE_FEED = '\n';

    /** Where and what openhtmltopdf draws for a piece of text: its arguments to drawString. */
    private record Key(float x, float y, String text) {
    }

    /** The same without the height: a table's repeated header is drawn lower on each following page. */
    private record Across(float x, String text) {
    }

    /** Nothing to do; also stands for texts drawn at one x that need different things. */
    private static final End NOTHING = new End(false, null);

    /**
     * What to do when that text is drawn.
     *
     * @param space add a space after the text
     * @param mark  the marker's dictionary, or null
     */
    record End(boolean space, COSDictionary mark) {
        String drawn(String text) {
            return space ? text + ' ' : text;
        }

        void draw(OutputDevice device, Runnable drawing) {
            if (mark == null || !(device instanceof PdfBoxFastOutputDevice pdf)) {
                drawing.run();
                return;
            }
            pdf.getCurrentPage().beginMarkedContent(MARK, mark);
            drawing.run();
            pdf.getCurrentPage().endMarkedContent();
        }
    }

    private final Map<Key, End> ends = new HashMap<>();
    private final Map<Across, End> across = new HashMap<>();
    /** Break numbers by text node (its master text, by identity) and position of the soft hyphen. */
    private final Map<String, Map<Integer, Integer>> breaks = new IdentityHashMap<>();
    private int nextBreak;
    /** The last text of each line that ends at a {@code <br/>}. */
    private final Map<InlineText, Boolean> endsAtLineFeed = new IdentityHashMap<>();
    /** Texts already read: the layers lead to boxes the box tree leads to as well. */
    private final Map<InlineText, Boolean> seen = new IdentityHashMap<>();
    private int depth;

    private LineEnds() {
    }

    /** The line ends of the document as laid out by {@code renderer}, before it draws the pages. */
    static LineEnds of(PdfBoxRenderer renderer) {
        LineEnds ends = new LineEnds();
        if (renderer.getRootBox() != null) {
            ends.walk(renderer.getRootBox());
            ends.walk(renderer.getRootBox().getLayer());
        }
        return ends;
    }

    /** What to do when {@code text} is drawn at x, y; null for nothing. */
    End at(String text, float x, float y) {
        if (ends.isEmpty()) {
            return null;
        }
        End end = ends.get(new Key(x, y, text));
        if (end == null) {
            end = across.get(new Across(x, text));
        }
        return end == null || end.equals(NOTHING) ? null : end;
    }

    private void walk(Layer layer) {
        if (layer == null || ++depth > 400) {
            depth--;
            return;
        }
        walk(layer.getMaster());
        for (Box floated : layer.getFloats()) {
            walk(floated);
        }
        for (Layer child : layer.getChildren()) {
            walk(child);
        }
        depth--;
    }

    private void walk(Object box) {
        if (box == null || ++depth > 400) {
            depth--;
            return;
        }
        if (box instanceof InlineText text) {
            if (seen.put(text, Boolean.TRUE) == null) {
                add(text);
            }
        } else if (box instanceof InlineLayoutBox inline) {
            for (Object child : inline.getInlineChildren()) {
                walk(child);
            }
        } else if (box instanceof Box block) {
            if (block instanceof LineBox line && line.isEndsOnNL()) {
                InlineText last = lastText(line);
                if (last != null) {
                    endsAtLineFeed.put(last, Boolean.TRUE);
                }
            }
            for (Box child : block.getChildren()) {
                walk(child);
            }
            if (block instanceof LineBox line) {
                // Floats, and the footnotes whose calls the line holds (laid out in the page's footnote area).
                for (List<? extends Box> more : java.util.Arrays.asList(line.getNonFlowContent(),
                        line.getReferencedFootnoteBodies())) {
                    for (Box child : more == null ? List.<Box>of() : more) {
                        walk(child);
                    }
                }
            }
        }
        depth--;
    }

    /** The last piece of text with something to draw in the line, or null. */
    private static InlineText lastText(Box box) {
        List<?> children = box instanceof InlineLayoutBox inline ? inline.getInlineChildren() : box.getChildren();
        for (int i = children.size() - 1; i >= 0; i--) {
            Object child = children.get(i);
            if (child instanceof InlineText text && !text.getSubstring().isBlank()) {
                return text;
            }
            InlineText inner = child instanceof InlineLayoutBox inline ? lastText(inline) : null;
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private void add(InlineText text) {
        String master = text.getMasterText();
        if (master == null || text.isDynamicFunction() || text.getParent() == null) {
            return;
        }
        String shown = text.getSubstring();
        int start = text.getStart();
        int end = text.getEnd();
        boolean space = !shown.isEmpty() && !isSpace(shown.charAt(shown.length() - 1))
                && (endsAtLineFeed.containsKey(text)
                || end < master.length() && (master.charAt(end) == ' ' || master.charAt(end) == LINE_FEED));
        COSDictionary mark = null;
        if (text.isEndsOnSoftHyphen()) {
            int from = shown.length();
            while (from > 0 && !isSpace(shown.charAt(from - 1))) {
                from--;
            }
            String head = printable(shown.substring(from)) + '-';
            String word = printable(shown.substring(from)) + printable(master.substring(end, wordEnd(master, end)));
            if (head.length() > 1) {
                mark = new COSDictionary();
                mark.setItem(HEAD, new COSString(head));
                mark.setItem(WORD, new COSString(word));
                mark.setInt(HEAD_BREAK, breakNumber(master, end));
            }
        }
        if (start > 0 && master.charAt(start - 1) == SOFT_HYPHEN) {
            String tail = printable(master.substring(start, Math.min(end, wordEnd(master, start))));
            if (!tail.isEmpty()) {
                mark = mark == null ? new COSDictionary() : mark;
                mark.setItem(TAIL, new COSString(tail));
                mark.setInt(TAIL_BREAK, breakNumber(master, start));
            }
        }
        InlineLayoutBox parent = text.getParent();
        float x = parent.getAbsX() + text.getX();
        String drawn = text.isEndsOnSoftHyphen() ? shown + '-' : shown;
        if (!space && mark == null) {
            across.merge(new Across(x, drawn), NOTHING, (a, b) -> a.equals(b) ? a : NOTHING);
            return;
        }
        if (mark != null) {
            String glyphs = printable(drawn) + (space ? " " : "");
            mark.setInt(GLYPHS, glyphs.codePointCount(0, glyphs.length()));
        }
        End needs = new End(space, mark);
        ends.put(new Key(x, parent.getAbsY() + parent.getBaseline(), drawn), needs);
        across.merge(new Across(x, drawn), needs, (a, b) -> a.equals(b) ? a : NOTHING);
    }

    /** The number of the break at {@code at} in this text node: the same for its head and its tail. */
    private int breakNumber(String master, int at) {
        return breaks.computeIfAbsent(master, m -> new HashMap<>()).computeIfAbsent(at, i -> nextBreak++);
    }

    /** Where the word that goes on at {@code from} ends: the next space, or the end of the text. */
    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !isSpace(text.charAt(i)) && text.charAt(i) != LINE_FEED) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The text as drawn: soft hyphens (and the other characters openhtmltopdf drops) removed. */
    private static String printable(String text) {
        return com.openhtmltopdf.extend.TextRenderer.getEffectivePrintableString(text);
    }
}

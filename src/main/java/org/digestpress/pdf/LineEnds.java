package org.digestpress.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.layout.Layer;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.render.LineBox;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;

/**
 * Extracted text keeps whole words and spaces. What each line end needs is read from the laid-out
 * boxes before the pages are drawn, and applied as each piece of text is drawn (through
 * {@link MeasuredWidths}, openhtmltopdf's text renderer in our builds).
 *
 * <p>openhtmltopdf knows what a line end is: a piece of text whose trailing space was trimmed at
 * the break (its master text has the space right after it), one that ends on a soft hyphen (it is
 * drawn as its text, U+00AD included, plus a U+002D), one that starts right after a soft hyphen
 * (the word's tail). This is exact where matching the PDF's text against the source afterwards
 * would have to guess: «северо-западный» broken after its own hyphen and «при-быль» broken by
 * hyphenation look the same on the page.
 *
 * <ul>
 * <li>A line that broke at a space (or at a {@code <br/>}) is drawn with the space: an invisible
 *     space glyph after its last letter, so every extractor and the tagged text get the space.</li>
 * <li>A word broken by hyphenation: its head and the added hyphen («при-») are drawn inside a
 *     marked-content span whose /ActualText is the whole word («прибыль»), its tail on the next
 *     line («быль») inside one whose /ActualText is empty. Copy and paste, search, pdftotext and
 *     the tagged text read the word once, where its head is. Each line is a marked-content sequence
 *     of its own (an MCID), so one span cannot reach over the break as in the example of ISO 32000
 *     14.9.4. The line is drawn in parts, each where it was (the advance of the part before, with
 *     the justification's spacing, as openhtmltopdf places its own font runs).</li>
 * </ul>
 * A head is given its word only when its tail is given the empty text, and the other way round,
 * so no word is lost or doubled; a line whose text needs a second font is left as it is.
 */
final class LineEnds {
    private static final COSName SPAN = COSName.getPDFName("Span");
    private static final char SOFT_HYPHEN = '\u00ad';
    /** openhtmltopdf's end of line character for a {@code <br/>} or a preformatted line end. */
    private static final char LINE_FEED = '\n';

    /** Where and what openhtmltopdf draws for a piece of text: its arguments to drawString. */
    private record Key(float x, float y, String text) {
    }

    /** The same without the height: a table's repeated header is drawn lower on each following page. */
    private record Across(float x, String text) {
    }

    /** Draws a piece of a line at x: openhtmltopdf's own drawString. */
    interface Drawer {
        void draw(String text, float x);
    }

    /**
     * What to do when a piece of text is drawn.
     *
     * @param space     add a space after the text
     * @param tailEnd   where the tail of a word hyphenated on the line before ends in the drawn
     *                  text; 0 for none
     * @param headStart where the head of a word hyphenated at the line's end begins; past the
     *                  text's end for none
     * @param word      the whole word the head stands for
     * @param font      the font it is drawn in
     */
    record End(boolean space, int tailEnd, int headStart, String word, PdfBoxFSFont font) {
        static final End NOTHING = new End(false, 0, Integer.MAX_VALUE, null, null);

        void draw(OutputDevice device, String text, float x, JustificationInfo info, Drawer drawer) {
            String last = space ? " " : "";
            int head = Math.min(headStart, text.length());
            if (!(device instanceof PdfBoxFastOutputDevice pdf) || font == null || (tailEnd == 0 && head == text.length())) {
                drawer.draw(text + last, x);
                return;
            }
            float at = part(pdf, text.substring(0, tailEnd), "", x, info, drawer);
            at = part(pdf, text.substring(tailEnd, head) + (head == text.length() ? last : ""), null, at, info, drawer);
            part(pdf, head == text.length() ? "" : text.substring(head) + last, word, at, info, drawer);
        }

        /** Draws {@code text} at x, in a span with that /ActualText unless null; answers where the next part goes. */
        private float part(PdfBoxFastOutputDevice pdf, String text, String actualText, float x, JustificationInfo info,
                           Drawer drawer) {
            if (text.isEmpty()) {
                return x;
            }
            if (actualText != null) {
                COSDictionary span = new COSDictionary();
                span.setItem(COSName.ACTUAL_TEXT, new COSString(actualText));
                pdf.getCurrentPage().beginMarkedContent(SPAN, span);
            }
            drawer.draw(text, x);
            if (actualText != null) {
                pdf.getCurrentPage().endMarkedContent();
            }
            return x + advance(font, text, info);
        }
    }

    /** How far the device moves drawing {@code text}: glyph widths and the justification's spacing per character. */
    private static float advance(PdfBoxFSFont font, String text, JustificationInfo info) {
        String printable = TextRenderer.getEffectivePrintableString(text);
        float width;
        try {
            width = font.getFontDescriptions().get(0).getFont().getStringWidth(printable) / 1000f * font.getSize2D();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("checked before drawing: the line's text is in its first font", e);
        }
        if (info != null) {
            for (int i = 0; i < printable.length(); i = printable.offsetByCodePoints(i, 1)) {
                width += InlineText.isJustifySpaceCodePoint(printable.codePointAt(i))
                        ? info.getSpaceAdjust() : info.getNonSpaceAdjust();
            }
        }
        return width;
    }

    /** One piece of text with a line end to draw, before heads and tails are paired. */
    private record Found(Key key, boolean space, int tailEnd, int tailBreak, int headStart, int headBreak, String word,
                         PdfBoxFSFont font) {
    }

    private final List<Found> found = new ArrayList<>();
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
            ends.pair();
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
        return end == null || end.equals(End.NOTHING) ? null : end;
    }

    /** Keeps a head's word and a tail's empty text only where both halves of the break were found. */
    private void pair() {
        Set<Integer> heads = new HashSet<>();
        Set<Integer> tails = new HashSet<>();
        for (Found f : found) {
            if (f.headBreak() >= 0) {
                heads.add(f.headBreak());
            }
            if (f.tailBreak() >= 0) {
                tails.add(f.tailBreak());
            }
        }
        for (Found f : found) {
            boolean head = f.headBreak() >= 0 && tails.contains(f.headBreak());
            boolean tail = f.tailBreak() >= 0 && heads.contains(f.tailBreak());
            End end = new End(f.space(), tail ? f.tailEnd() : 0, head ? f.headStart() : Integer.MAX_VALUE,
                    head ? f.word() : null, f.font());
            ends.put(f.key(), end);
            across.merge(new Across(f.key().x(), f.key().text()), end, (a, b) -> a.equals(b) ? a : End.NOTHING);
        }
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
        InlineLayoutBox parent = text.getParent();
        float x = parent.getAbsX() + text.getX();
        String drawn = text.isEndsOnSoftHyphen() ? shown + '-' : shown;
        boolean space = !shown.isEmpty() && !isSpace(shown.charAt(shown.length() - 1))
                && (endsAtLineFeed.containsKey(text)
                || end < master.length() && (master.charAt(end) == ' ' || master.charAt(end) == LINE_FEED));

        int headStart = Integer.MAX_VALUE;
        int headBreak = -1;
        String word = null;
        int tailEnd = 0;
        int tailBreak = -1;
        boolean tailHere = start > 0 && master.charAt(start - 1) == SOFT_HYPHEN;
        PdfBoxFSFont font = text.isEndsOnSoftHyphen() || tailHere ? drawnInOneFont(parent, drawn) : null;
        if (text.isEndsOnSoftHyphen() && font != null) {
            int from = shown.length();
            while (from > 0 && !isSpace(shown.charAt(from - 1))) {
                from--;
            }
            if (!printable(shown.substring(from)).isEmpty()) {
                headStart = from;
                headBreak = breakNumber(master, end);
                word = printable(shown.substring(from)) + printable(master.substring(end, wordEnd(master, end)));
            }
        }
        if (tailHere && font != null) {
            int to = Math.min(end, wordEnd(master, start)) - start;
            if (!printable(shown.substring(0, to)).isEmpty() && to <= Math.min(headStart, shown.length())) {
                tailEnd = to;
                tailBreak = breakNumber(master, start);
            }
        }
        Key key = new Key(x, parent.getAbsY() + parent.getBaseline(), drawn);
        if (space || headBreak >= 0 || tailBreak >= 0) {
            found.add(new Found(key, space, tailEnd, tailBreak, headStart, headBreak, word, font));
        } else {
            across.merge(new Across(x, drawn), End.NOTHING, (a, b) -> a.equals(b) ? a : End.NOTHING);
        }
    }

    /** The font the text is drawn in if its first face has every character of it (then the device draws it in one run). */
    private static PdfBoxFSFont drawnInOneFont(InlineLayoutBox parent, String drawn) {
        try {
            // Resolved and kept by the style when the text was measured; the context is not needed then.
            if (parent.getStyle().getFSFont(null) instanceof PdfBoxFSFont font && !font.getFontDescriptions().isEmpty()) {
                font.getFontDescriptions().get(0).getFont().getStringWidth(printable(drawn));
                return font;
            }
        } catch (IOException | RuntimeException e) {
            // a character from another face, or a style whose font was never resolved: drawn as it is
        }
        return null;
    }

    /** The number of the break at {@code at} in this text node: the same for its head and its tail. */
    private int breakNumber(String master, int at) {
        return breaks.computeIfAbsent(master, m -> new HashMap<>()).computeIfAbsent(at, i -> nextBreak++);
    }

    /** Where the word that goes on at {@code from} ends: the next space, or the end of the text. */
    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The text as drawn: soft hyphens (and the other characters openhtmltopdf drops) removed. */
    private static String printable(String text) {
        return TextRenderer.getEffectivePrintableString(text);
    }
}

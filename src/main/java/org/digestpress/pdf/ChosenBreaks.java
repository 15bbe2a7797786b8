package org.digestpress.pdf;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;

/**
 * The line breaker openhtmltopdf asks for break opportunities: in the text of a paragraph the
 * composer set, it offers only the breaks the composer chose; anywhere else it answers as
 * openhtmltopdf's own breaker does.
 *
 * <p>openhtmltopdf breaks greedily: it fills a line with the pieces between offered breaks while
 * they fit. Each line the composer chose fits, and the piece after its end does not (the composer
 * checks both), so greedy breaking comes to exactly the chosen lines. The breaker is asked about
 * the rest of an element's text from where a line starts, with no other context, so the plan is
 * kept by that text: a hash of every rest of text a line can start with, and the chosen breaks in
 * it. Text laid out with no plan (the first pass, headings, tables) breaks as before.
 */
final class ChosenBreaks implements FSTextBreaker {

    /** The chosen breaks of every composed paragraph, kept for the passes of one build. */
    static final class Plan {
        /**
         * Stands for a text two paragraphs chose different breaks in (the same words at two
         * measures): offering either's breaks to the other could leave a piece that fits nowhere,
         * so that text breaks as openhtmltopdf's own breaker says.
         */
        private static final int[] CONFLICT = new int[0];
        private final Map<Long, int[]> breaks = new HashMap<>();
        /** Every {@link #add} with the element whose text it was, in order, for {@link SettledParts}. */
        private final java.util.List<Added> added = new java.util.ArrayList<>();

        /** One {@link #add(org.w3c.dom.Element, String, int[], boolean)}, as it was made. */
        record Added(org.w3c.dom.Element element, String text, int[] offsets, boolean again) {
        }

        /** As {@link #add(String, int[], boolean)}, remembering that the text is {@code element}'s. */
        void add(org.w3c.dom.Element element, String text, int[] offsets, boolean again) {
            added.add(new Added(element, text, offsets, again));
            add(text, offsets, again);
        }

        /** The adds made with an element so far, in order. */
        java.util.List<Added> added() {
            return java.util.Collections.unmodifiableList(added);
        }

        /**
         * Records the breaks chosen in one element's text: {@code offsets} are the positions
         * after which a line ends, in order, within {@code text}.
         */
        void add(String text, int[] offsets) {
            add(text, offsets, false);
        }

        /** As {@link #add(String, int[])}; {@code again}: the same paragraph set anew, its breaks replace the ones before. */
        void add(String text, int[] offsets, boolean again) {
            put(text, 0, offsets, again);
            for (int offset : offsets) {
                put(text, offset, offsets, again);
            }
        }

        private void put(String text, int from, int[] offsets, boolean again) {
            int count = 0;
            for (int offset : offsets) {
                count += offset > from ? 1 : 0;
            }
            int[] rest = new int[count];
            int i = 0;
            for (int offset : offsets) {
                if (offset > from) {
                    rest[i++] = offset - from;
                }
            }
            record(hash(text, from), rest, again);
            // A line that starts with a space has it trimmed before the breaker is asked.
            int trimmed = from;
            while (trimmed < text.length() && text.charAt(trimmed) == ' ') {
                trimmed++;
            }
            if (trimmed > from) {
                int[] shifted = new int[rest.length];
                for (int k = 0; k < rest.length; k++) {
                    shifted[k] = rest[k] - (trimmed - from);
                }
                record(hash(text, trimmed), shifted, again);
            }
        }

        private void record(long key, int[] offsets, boolean again) {
            int[] known = breaks.get(key);
            breaks.put(key, again || known == null || Arrays.equals(known, offsets) ? offsets : CONFLICT);
        }

        boolean isEmpty() {
            return breaks.isEmpty();
        }

        /** The chosen breaks in {@code text}, or null when it has none (or two paragraphs disagree). */
        int[] get(String text) {
            int[] offsets = breaks.get(hash(text, 0));
            return offsets == CONFLICT ? null : offsets;
        }
    }

    private final Plan plan;
    private final FSTextBreaker standard = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
    private int[] offsets;
    private int length;
    private int next;

    ChosenBreaks(Plan plan) {
        this.plan = plan;
    }

    @Override
    public void setText(String text) {
        offsets = plan.isEmpty() ? null : plan.get(text);
        if (offsets == null) {
            standard.setText(text);
        } else {
            length = text.length();
            next = 0;
        }
    }

    @Override
    public int next() {
        if (offsets == null) {
            return standard.next();
        }
        if (next < offsets.length) {
            return offsets[next++];
        }
        if (next == offsets.length) {
            next++;
            return length;
        }
        return BreakIterator.DONE;
    }

    /** 64 bits of the text from {@code from} on: a 32-bit String hash would collide among 100,000 texts. */
    static long hash(String text, int from) {
        long h = 1125899906842597L;
        for (int i = from; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
            h ^= h >>> 29;
        }
        return h * 0x9E3779B97F4A7C15L + (text.length() - from);
    }
}

package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

import com.openhtmltopdf.render.FSFont;

/**
 * A paragraph's text cut into the items {@link TotalFit} breaks into lines: a box per piece of a
 * word (up to a soft hyphen), glue per run of spaces (stretching and shrinking unless the
 * paragraph is ragged), and a penalty, the hyphen's width, at each soft hyphen where a line may end.
 */
final class ParagraphItems {

    /** One element's text in the paragraph, with the font it is set in. */
    record Run(String text, FSFont font) {
    }

    final TotalFit.Items items;
    /** The text position after each item. */
    final int[] after;

    /**
     * @param ragged  word spaces keep their width (no stretch, no shrink); the line's end takes the rag
     * @param measure the width of a text in a font, in dots, as the layout measures it
     */
    ParagraphItems(List<Run> runs, boolean ragged, ToIntBiFunction<FSFont, String> measure) {
        StringBuilder all = new StringBuilder();
        for (Run run : runs) {
            all.append(run.text());
        }
        String text = all.toString();
        List<int[]> list = new ArrayList<>(); // type, width, stretch, shrink, hyphen, run, after
        List<Integer> runEnds = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < runs.size(); k++) {
            Run run = runs.get(k);
            String s = run.text();
            int i = 0;
            while (i < s.length()) {
                int j = i;
                if (s.charAt(i) == ' ') {
                    while (j < s.length() && s.charAt(j) == ' ') {
                        j++;
                    }
                    int w = measure.applyAsInt(run.font(), s.substring(i, j));
                    int shrink = WordSpaceJustification.CAN_NARROW && !ragged ? (int) (w * TotalFit.SHRINK) : 0;
                    int stretch = ragged ? 0 : (int) (w * TotalFit.STRETCH);
                    list.add(new int[] {TotalFit.GLUE, w, stretch, shrink, 0, k, start + j});
                } else {
                    while (j < s.length() && s.charAt(j) != ' ' && s.charAt(j) != '\u00ad') {
                        j++;
                    }
                    boolean soft = j < s.length() && s.charAt(j) == '\u00ad';
                    if (soft) {
                        j++;
                    }
                    list.add(new int[] {TotalFit.BOX, measure.applyAsInt(run.font(), s.substring(i, j)), 0, 0, 0, k, start + j});
                    if (soft && j < s.length() && isHyphenationPoint(text, start + j)) {
                        list.add(new int[] {TotalFit.PENALTY, 0, 0, 0, measure.applyAsInt(run.font(), "-"), k, start + j});
                    }
                }
                i = j;
            }
            start += s.length();
            runEnds.add(list.size());
        }
        int n = list.size();
        int[] type = new int[n];
        int[] width = new int[n];
        int[] stretch = new int[n];
        int[] shrink = new int[n];
        int[] hyphen = new int[n];
        int[] run = new int[n];
        int[] runEnd = new int[n];
        after = new int[n];
        for (int i = 0; i < n; i++) {
            int[] item = list.get(i);
            type[i] = item[0];
            width[i] = item[1];
            stretch[i] = item[2];
            shrink[i] = item[3];
            hyphen[i] = item[4];
            run[i] = item[5];
            runEnd[i] = runEnds.get(item[5]);
            after[i] = item[6];
        }
        items = new TotalFit.Items(type, width, stretch, shrink, hyphen, run, runEnd);
    }

    /**
     * A soft hyphen at {@code position} (the text position after it) may end a line: two letters
     * on either side within the word, and the word is no name or number.
     */
    static boolean isHyphenationPoint(String text, int position) {
        int from = position;
        while (from > 0 && text.charAt(from - 1) != ' ') {
            from--;
        }
        int to = position;
        while (to < text.length() && text.charAt(to) != ' ') {
            to++;
        }
        int capitals = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            capitals += Character.isUpperCase(c) ? 1 : 0;
        }
        return capitals < 2 && letters(text, from, position) >= 2 && letters(text, position, to) >= 2;
    }

    private static int letters(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += Character.isLetter(text.charAt(i)) ? 1 : 0;
        }
        return count;
    }
}

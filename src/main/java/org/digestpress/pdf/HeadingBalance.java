package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Balanced lines for a heading: as many lines as greedy breaking gave it, as even as they can be
 * (the narrowest measure that still holds it in that many lines), so its last line is no lone
 * word when a better break exists. Breaks only at spaces: headings are never hyphenated.
 */
final class HeadingBalance {
    private HeadingBalance() {
    }

    /**
     * The breaks (glue items) for {@code lines} balanced lines within {@code measure}, or null when
     * there are none, or when openhtmltopdf's greedy breaking would not come to them with only these
     * breaks offered: each line with its trailing space must fit, and the next line must not fit
     * after it ({@code slack}: dots a measured width may be off by).
     */
    static int[] breaks(TotalFit.Items items, int measure, int lines, int slack) {
        long[] sum = new long[items.size() + 1];
        for (int i = 0; i < items.size(); i++) {
            sum[i + 1] = sum[i] + (items.type()[i] == TotalFit.PENALTY ? 0 : items.width()[i]);
        }
        int lo = 0;
        int hi = measure;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int[] b = spaceBreaks(items, sum, mid);
            if (b != null && b.length + 1 <= lines) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int[] breaks = spaceBreaks(items, sum, lo);
        if (breaks == null || breaks.length + 1 != lines) {
            return null;
        }
        int start = 0;
        for (int i = 0; i < breaks.length; i++) {
            int end = i + 1 < breaks.length ? breaks[i + 1] + 1 : items.size();
            long line = sum[breaks[i] + 1] - sum[start];
            long next = sum[end] - sum[breaks[i] + 1];
            if (line > measure || line + next <= measure + slack) {
                return null;
            }
            start = breaks[i] + 1;
        }
        return breaks;
    }

    /** Greedy breaks at spaces for lines of {@code width} (a line without its trailing space); null when a word is wider. */
    private static int[] spaceBreaks(TotalFit.Items items, long[] sum, int width) {
        List<Integer> breaks = new ArrayList<>();
        int start = 0;
        int last = -1;
        for (int j = 0; j <= items.size(); j++) {
            boolean end = j == items.size();
            if (!end && (items.type()[j] != TotalFit.GLUE || j == 0)) {
                continue;
            }
            if (sum[j] - sum[start] <= width) {
                last = j;
                continue;
            }
            if (last < 0 || last == start - 1) {
                return null;
            }
            breaks.add(last);
            start = last + 1;
            last = -1;
            j = start - 1;
        }
        return breaks.stream().mapToInt(Integer::intValue).toArray();
    }
}

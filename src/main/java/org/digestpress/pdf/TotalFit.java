package org.digestpress.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Total-fit line breaking (Knuth and Plass, as TeX does it) of one paragraph given as items: boxes
 * (text that never breaks), glue (a word space, where a line may end) and penalties (a hyphenation
 * point, where a line may end with a hyphen). Among all ways to break the paragraph it picks the
 * one with the fewest demerits: loose lines, hyphens, two hyphens in a row, neighbouring lines of
 * very different looseness and a last line of a few letters all cost; three hyphens in a row, a
 * last line holding only the tail of a hyphenated word (unless the last word is wider than the
 * measure, as in a narrow table cell), and a line that openhtmltopdf's own line breaking would not
 * end where this one does are not allowed. Ragged-right text is broken the same way, the rag of
 * each line standing in for the stretch of its word spaces ({@link #RAGGED_EMS}).
 *
 * <p>Word spaces only stretch: openhtmltopdf cannot set a line narrower than its natural width,
 * so a line fits when its natural width with what its break adds (the trailing space, which
 * openhtmltopdf counts while breaking, or the hyphen) is within the measure.
 */
final class TotalFit {
    static final int BOX = 0;
    static final int GLUE = 1;
    static final int PENALTY = 2;

    /** TeX's \linepenalty, \hyphenpenalty (higher here: spaces shrink little, so hyphens would otherwise be cheap), \doublehyphendemerits, \adjdemerits, \finalhyphendemerits. */
    private static final double LINE_PENALTY = 10;
    private static final double HYPHEN_PENALTY = 200;
    private static final double DOUBLE_HYPHEN = 3000;
    private static final double FITNESS_JUMP = 10000;
    private static final double FINAL_HYPHEN = 5000;
    /** A last line holding only a word's tail, when no other way fits: above any other sum of demerits. */
    private static final double TAIL_ALONE = 1e20;
    /** A last line shorter than this share of the measure costs as much as a very loose line. */
    private static final double SHORT_LAST_LINE = 0.08;
    private static final double SHORT_LAST_LINE_DEMERITS = 5000;
    /** A word space may stretch by this share of its width before the line counts as very loose. */
    static final double STRETCH = 1.0;
    /**
     * A word space may shrink by this share of its width, as TeX's spaces do (by a third there):
     * only on a line that ends at a space and lies in one element's text, the one case in which
     * openhtmltopdf's greedy breaking keeps a line wider than the measure (an unbreakable piece at
     * a line's start), and only when {@link WordSpaceJustification} can narrow the spaces.
     */
    static final double SHRINK = 0.2;
    /**
     * Ragged-right text (TeX's \raggedright with a finite stretch, as ragged2e sets it): word
     * spaces keep their width, and every line may fall short of the measure by this many ems
     * before it counts as very loose. Short lines then cost like loose ones, so hyphens are taken
     * where they spare a deep rag, and not otherwise.
     */
    static final double RAGGED_EMS = 3;
    /** Badness above this is refused in the first try; a second try accepts any. */
    private static final double TOLERANCE = 3000;

    /** The items of a paragraph, in order; widths in layout dots. */
    record Items(int[] type, int[] width, int[] stretch, int[] shrink, int[] hyphen, int[] node, int[] nodeEnd) {
        int size() {
            return type.length;
        }
    }

    /**
     * What the breaker must not break after: greedy line breaking, as openhtmltopdf does it with
     * only the chosen break opportunities offered, must come to the same lines. After a break it
     * goes on taking text of the element it stands in, up to that element's next offered break or
     * its end, while it fits; so the piece of text after each break must not fit in what is left
     * of the line. {@code slack} is the width (dots) by which a fitting decision may be off.
     */
    private final Items items;
    private final int firstWidth;
    private final int width;
    private final int slack;
    private final long[] sum;
    private final long[] stretchSum;
    private final long[] shrinkSum;
    private final boolean[] forbidden;
    /** Ragged text: what every line may fall short by (dots); 0 for justified text. */
    private final int ragged;

    private static final class Node {
        final int item;
        final int start;
        final int line;
        final int fitness;
        final int hyphens;
        final double demerits;
        final Node previous;
        /** Width greedy breaking has used on the line ending here, before the next piece: with the trailing space, without the hyphen. */
        final long used;

        Node(int item, int start, int line, int fitness, int hyphens, double demerits, Node previous, long used) {
            this.item = item;
            this.start = start;
            this.line = line;
            this.fitness = fitness;
            this.hyphens = hyphens;
            this.demerits = demerits;
            this.previous = previous;
            this.used = used;
        }
    }

    TotalFit(Items items, int firstWidth, int width, int slack, boolean[] forbidden) {
        this(items, firstWidth, width, slack, forbidden, 0);
    }

    /** As above; {@code ragged} &gt; 0: ragged-right lines, each short of the measure by up to that much (dots) before it is very loose. */
    TotalFit(Items items, int firstWidth, int width, int slack, boolean[] forbidden, int ragged) {
        this.ragged = ragged;
        this.items = items;
        this.firstWidth = firstWidth;
        this.width = width;
        this.slack = slack;
        this.forbidden = forbidden;
        int n = items.size();
        sum = new long[n + 1];
        stretchSum = new long[n + 1];
        shrinkSum = new long[n + 1];
        for (int i = 0; i < n; i++) {
            boolean flows = items.type()[i] != PENALTY;
            sum[i + 1] = sum[i] + (flows ? items.width()[i] : 0);
            stretchSum[i + 1] = stretchSum[i] + (items.type()[i] == GLUE ? items.stretch()[i] : 0);
            shrinkSum[i + 1] = shrinkSum[i] + (items.type()[i] == GLUE ? items.shrink()[i] : 0);
        }
    }

    /** The chosen breaks as item indices (a glue or penalty), the paragraph's end not included; null when none fits. */
    int[] breaks() {
        int[] found = run(TOLERANCE);
        return found != null ? found : run(Double.MAX_VALUE);
    }

    private int[] run(double tolerance) {
        int n = items.size();
        List<Node> active = new ArrayList<>();
        active.add(new Node(-1, 0, 0, 1, 0, 0, null, 0));
        for (int j = 0; j <= n; j++) {
            boolean end = j == n;
            if (!end && !isBreak(j)) {
                continue;
            }
            Node[] best = new Node[12];
            for (int a = 0; a < active.size(); a++) {
                Node from = active.get(a);
                int measure = from.line == 0 ? firstWidth : width;
                long natural = sum[j] - sum[from.start] + (!end && items.type()[j] == PENALTY ? items.hyphen()[j] : 0);
                long fit = end ? natural : items.type()[j] == GLUE ? sum[j + 1] - sum[from.start] : natural;
                boolean oneElement = !end && items.type()[j] == GLUE && from.start < items.size()
                        && items.node()[from.start] == items.node()[j];
                long shrink = shrinkSum[j] - shrinkSum[from.start];
                if (natural - shrink > measure) {
                    active.remove(a--);
                    continue;
                }
                if (fit > measure && !(oneElement && (natural <= measure || shrink > 0))) {
                    continue;
                }
                if (!end && items.type()[j] == PENALTY && fit >= measure) {
                    continue; // openhtmltopdf takes a hyphen break only when the hyphen leaves room
                }
                double badness;
                int fitness;
                if (end) {
                    badness = 0;
                    fitness = 0;
                } else {
                    long stretch = ragged > 0 ? ragged : stretchSum[j] - stretchSum[from.start];
                    double ratio = natural > measure ? -(double) (natural - measure) / shrink
                            : stretch <= 0 ? (measure > natural ? 100 : 0) : (double) (measure - natural) / stretch;
                    badness = Math.min(100 * Math.abs(ratio * ratio * ratio), 1e7);
                    fitness = ratio > 1 ? 3 : ratio > 0.5 ? 2 : ratio >= -0.5 ? 1 : 0;
                }
                if (badness > tolerance) {
                    continue;
                }
                if (from.previous != null && !greedyBreaksThere(from, j, end)) {
                    continue;
                }
                boolean hyphen = !end && items.type()[j] == PENALTY;
                int hyphens = hyphen ? from.hyphens + 1 : 0;
                if (hyphens > 2) {
                    continue;
                }
                double d = (LINE_PENALTY + badness) * (LINE_PENALTY + badness);
                if (hyphen) {
                    d += HYPHEN_PENALTY * HYPHEN_PENALTY;
                    if (from.hyphens > 0) {
                        d += DOUBLE_HYPHEN;
                    }
                }
                if (end) {
                    if (from.hyphens > 0) {
                        d += FINAL_HYPHEN;
                        if (isTailAlone(from.start)) {
                            if (tolerance < Double.MAX_VALUE) {
                                continue;
                            }
                            // Last resort: the last word is wider than the measure (a narrow cell), its tail cannot be helped.
                            d += TAIL_ALONE;
                        }
                    }
                    if (natural < SHORT_LAST_LINE * measure && from.previous != null) {
                        d += SHORT_LAST_LINE_DEMERITS;
                    }
                } else if (Math.abs(fitness - from.fitness) > 1) {
                    d += FITNESS_JUMP;
                }
                double total = from.demerits + d;
                int slot = fitness * 3 + Math.min(hyphens, 2);
                if (best[slot] == null || total < best[slot].demerits) {
                    int next = end ? n : j + 1;
                    // A line wider than the measure was taken whole at the line's start; the next piece starts a line anyway.
                    long used = end ? natural : hyphen ? sum[j] - sum[from.start] : fit > measure ? Long.MAX_VALUE / 4 : fit;
                    best[slot] = new Node(j, next, from.line + 1, fitness, hyphens, total, from, used);
                }
            }
            for (Node node : best) {
                if (node != null) {
                    if (end) {
                        return pathTo(bestOf(best));
                    }
                    active.add(node);
                }
            }
            if (active.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    private static Node bestOf(Node[] nodes) {
        Node best = null;
        for (Node node : nodes) {
            if (node != null && (best == null || node.demerits < best.demerits)) {
                best = node;
            }
        }
        return best;
    }

    private static int[] pathTo(Node last) {
        List<Integer> breaks = new ArrayList<>();
        for (Node node = last.previous; node != null && node.item >= 0; node = node.previous) {
            breaks.add(0, node.item);
        }
        return breaks.stream().mapToInt(Integer::intValue).toArray();
    }

    private boolean isBreak(int j) {
        if (forbidden != null && forbidden[j]) {
            return false;
        }
        int type = items.type()[j];
        return (type == GLUE && j > 0 && items.type()[j - 1] == BOX) || type == PENALTY;
    }

    /**
     * After the break that ended {@code from}'s line, greedy breaking offers the next piece: the
     * text from the line's start up to the next chosen break ({@code j}) or the end of the
     * element the line starts in, whichever comes first. It must not fit on {@code from}'s line.
     */
    private boolean greedyBreaksThere(Node from, int j, boolean end) {
        int start = from.start;
        if (start >= items.size()) {
            return true;
        }
        int pieceEnd = end ? items.size() : items.type()[j] == GLUE ? j + 1 : j;
        pieceEnd = Math.min(pieceEnd, items.nodeEnd()[start]);
        long piece = sum[pieceEnd] - sum[start];
        int measure = from.previous.line == 0 ? firstWidth : width;
        return from.used + piece > measure + slack;
    }

    /** The last line starts after a hyphen and holds no word space: a word's tail alone. */
    private boolean isTailAlone(int start) {
        for (int i = start; i < items.size(); i++) {
            if (items.type()[i] == GLUE) {
                return false;
            }
        }
        return true;
    }
}

package org.digestpress.pdf;

/**
 * What the pdf stage keeps from one build to the next for as long as its owner lives (a
 * workspace, a resident engine): text widths, parsed SVG images and the float placement of each
 * part of the document ({@link SettledParts}), all keyed by content (a width by the font's faces,
 * size and text; an SVG by its bytes, which every build still reads through its resource guard;
 * a part by its markup and the styles), so a change to an article or an image is never answered
 * from an older build. Each is bounded: past its limit it is emptied and filled again, so memory cannot
 * grow with the number of builds.
 *
 * <p>A writer given no memory makes a fresh one per document, as every build did before (an
 * offprint, a test). Builds that share one take turns ({@link PdfWriter} holds its lock for the
 * whole document), since the widths are plain maps the layout fills as it goes.
 */
public final class LayoutMemory {
    final MeasuredWidths.Memory widths = new MeasuredWidths.Memory();
    final ParsedSvgs.Memory svgs = new ParsedSvgs.Memory();
    /** What the float placement settled in each part of a document, by the part's content. */
    private SettledParts parts = new SettledParts();
    /** The fonts the widths were measured with: other fonts (a font folder edited) start afresh. */
    private FontSet measuredWith;

    /** The widths measured with {@code fonts}: forgotten when the fonts are not the ones they were measured with. */
    MeasuredWidths.Memory measuredWith(FontSet fonts) {
        if (measuredWith != fonts) {
            widths.clear();
            parts = new SettledParts();
            measuredWith = fonts;
        }
        return widths;
    }

    /** The parts settled with the fonts last given to {@link #measuredWith}. */
    SettledParts settledParts() {
        return parts;
    }

    /** How many parts later builds took as an earlier one settled them (for tests and bench). */
    public int partsReused() {
        return parts.reused();
    }
}

package org.digestpress.pdf;

/**
 * What the pdf stage keeps from one build to the next for as long as its owner lives (a
 * workspace, a resident engine): text widths and parsed SVG images, both keyed by content (a
 * width by the font's faces, size and text; an SVG by its bytes, which every build still reads
 * through its resource guard), so a change to an article or an image is never answered from an
 * older build. Each is bounded: past its limit it is emptied and filled again, so memory cannot
 * grow with the number of builds.
 *
 * <p>A writer given no memory makes a fresh one per document, as every build did before (an
 * offprint, a test). Builds that share one take turns ({@link PdfWriter} holds its lock for the
 * whole document), since the widths are plain maps the layout fills as it goes.
 */
public final class LayoutMemory {
    final MeasuredWidths.Memory widths = new MeasuredWidths.Memory();
    final ParsedSvgs.Memory svgs = new ParsedSvgs.Memory();
    /** The fonts the widths were measured with: other fonts (a font folder edited) start afresh. */
    private FontSet measuredWith;

    /** The widths measured with {@code fonts}: forgotten when the fonts are not the ones they were measured with. */
    MeasuredWidths.Memory measuredWith(FontSet fonts) {
        if (measuredWith != fonts) {
            widths.clear();
            measuredWith = fonts;
        }
        return widths;
    }
}

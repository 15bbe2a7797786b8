package org.digestpress.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.digestpress.problem.Problems;
import org.digestpress.problem.StageClock;

/**
 * Renders the XHTML document to an archival PDF (PDF/A-3u and PDF/UA-1: fonts embedded, sRGB
 * output intent, tagged, the chart data attached) with reproducible bytes, and writes it
 * atomically: the new file appears only when complete, so a failed build never leaves a broken or
 * half-written PDF where the previous one was.
 *
 * <p>This class runs the stages in order; {@link LayoutPasses} lays the document out,
 * {@link ReproducibleOutput} fixes dates and /ID, {@link AtomicFile} writes the file, and
 * {@link RenderFailure} puts a failure in words.
 */
public final class PdfWriter {

    /**
     * What was written.
     *
     * @param anchors the first page (as printed) of every element whose id matched the pattern
     *                asked for, read after the last layout pass; empty when none was asked for
     * @param content the bytes written, so the engine's users need not read the file back; may be null
     * @param sourceMap where each marked block of the document is printed, by its text key
     *                  (see {@link SourceMap#withFiles})
     */
    public record Result(Path file, int pages, long bytes, Map<String, Integer> anchors, byte[] content,
                         SourceMap sourceMap) {
        public Result {
            anchors = java.util.Collections.unmodifiableMap(new TreeMap<>(anchors));
        }

        public Result(Path file, int pages, long bytes, Map<String, Integer> anchors) {
            this(file, pages, bytes, anchors, null, SourceMap.empty());
        }

        public Result(Path file, int pages, long bytes) {
            this(file, pages, bytes, Map.of());
        }
    }

    /** What a layout without drawing tells: the first page of the anchors asked for, and the source map. */
    public record Layout(Map<String, Integer> anchors, SourceMap sourceMap) {
    }

    private final FontSet fonts;
    private final FSObjectDrawerFactory objectDrawers;
    private final int firstPageNumber;
    /** What layouts keep between builds; null for a fresh memory per document. */
    private final LayoutMemory memory;
    private final LayoutPasses passes;
    /** False for a PDF only to be looked at ({@link #forScreen}). */
    private final boolean tagged;
    /** Told of each page as soon as it is drawn ({@link #forScreen(Consumer)}); null for none. */
    private final Consumer<DrawnPage> drawn;

    static {
        // openhtmltopdf logs every CSS quirk at INFO/WARNING to stderr; problems are our job.
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.SEVERE));
        Logger.getLogger("org.apache.fontbox").setLevel(Level.SEVERE);
        Logger.getLogger("org.apache.pdfbox").setLevel(Level.SEVERE);
    }

    public PdfWriter(FontSet fonts, FSObjectDrawerFactory objectDrawers) {
        this(fonts, objectDrawers, null);
    }

    /**
     * A writer whose layouts use and fill {@code memory} (text widths, parsed SVGs), which its
     * owner keeps from build to build; null for a fresh one per document.
     */
    public PdfWriter(FontSet fonts, FSObjectDrawerFactory objectDrawers, LayoutMemory memory) {
        this(fonts, objectDrawers, 1, memory, true, null);
    }

    private PdfWriter(FontSet fonts, FSObjectDrawerFactory objectDrawers, int firstPageNumber, LayoutMemory memory,
                      boolean tagged, Consumer<DrawnPage> drawn) {
        this.drawn = drawn;
        this.fonts = fonts;
        this.objectDrawers = objectDrawers;
        this.firstPageNumber = firstPageNumber;
        this.memory = memory;
        this.tagged = tagged;
        this.passes = new LayoutPasses(fonts, objectDrawers, firstPageNumber, memory != null, tagged);
    }

    /**
     * A writer of PDFs only to be looked at ({@code digest serve} draws pictures of its pages):
     * every page laid out and drawn as this writer draws it, without the structure tree for screen
     * readers, its marked content and the tags' clean-up, a tenth of a build that no picture
     * shows. Still PDF/A-3u in its other parts, with reproducible bytes.
     */
    public PdfWriter forScreen() {
        return forScreen(null);
    }

    /**
     * As {@link #forScreen()}, telling {@code drawn} (when not null) of each page as soon as it
     * is drawn, on the writing thread, before the pages after it: a page in view can be shown
     * while the others are drawn and the document finished (see {@link DrawnPage}).
     */
    public PdfWriter forScreen(Consumer<DrawnPage> drawn) {
        return new PdfWriter(fonts, objectDrawers, firstPageNumber, memory, false, drawn);
    }

    /**
     * A writer whose first page is numbered {@code number}, in {@code counter(page)} and in the
     * PDF's page labels: an offprint carries the page numbers its article has in the issue.
     */
    public PdfWriter startingAtPage(int number) {
        return new PdfWriter(fonts, objectDrawers, Math.max(1, number), memory, tagged, drawn);
    }

    /**
     * @param xhtml        the complete document
     * @param allowedRoots folders the renderer may read images from
     * @param output       where the PDF goes; replaced only on success
     * @return the result, or null after reporting problems
     */
    public Result write(String xhtml, List<Path> allowedRoots, Path output, DocumentInfo info, Problems problems) {
        return write(xhtml, allowedRoots, output, info, problems, null);
    }

    /**
     * As {@link #write(String, List, Path, DocumentInfo, Problems)}, and also reports the first page
     * of every element whose id matches {@code anchors} (null for none) in the result, as laid out
     * by the last pass of the float placement: the pages the PDF has.
     */
    public Result write(String xhtml, List<Path> allowedRoots, Path output, DocumentInfo info, Problems problems,
                        java.util.regex.Pattern anchors) {
        LayoutMemory kept = memory != null ? memory : new LayoutMemory();
        synchronized (kept) {
            return write(xhtml, allowedRoots, output, info, problems, anchors, kept);
        }
    }

    private Result write(String xhtml, List<Path> allowedRoots, Path output, DocumentInfo info, Problems problems,
                         java.util.regex.Pattern anchors, LayoutMemory kept) {
        ResourceGuard guard = new ResourceGuard(allowedRoots);
        byte[] pdf;
        int pages;
        Map<String, Integer> anchorPages = new TreeMap<>();
        SourceMap sourceMap;
        try {
            String base = allowedRoots.get(0).toUri().toString();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            LayoutPasses.Placed placed = passes.place(withPrintStyles(ThinSpaces.rewrite(xhtml)), guard, base, kept);
            org.w3c.dom.Document document = placed.document();
            LayoutPasses.PassMemory memory = placed.memory();
            LaidOut settled = placed.laidOut();
            if (!placed.unsettled().isEmpty()) {
                problems.warning(null, 0, 0, FloatPlacement.unsettledWarning(placed.unsettled()));
            }
            java.util.Set<String> indexed = IndexPages.targets(document);
            if (!indexed.isEmpty() && IndexPages.removeRepeats(document, passes.firstPages(settled.renderer(), indexed::contains))) {
                settled.close();
                settled = passes.layOut(guard, document, base, memory);
            }
            try (LaidOut laidOut = settled) {
                PdfBoxRenderer renderer = laidOut.renderer();
                if (anchors != null) {
                    anchorPages.putAll(passes.firstPages(renderer, anchors.asMatchPredicate()));
                }
                sourceMap = SourceBlocks.collect(renderer);
                WordSpaceJustification.apply(renderer.getRootBox(), renderer.getSharedContext().newLayoutContextInstance());
                DrawnPages told = drawn == null ? null : new DrawnPages(laidOut.pdf(), fonts, drawn);
                if (renderer.getSharedContext().getTextRenderer() instanceof MeasuredWidths text) {
                    text.drawLineEnds(LineEnds.of(renderer));
                    StageClock.mark("line ends read (spaces, hyphenated words' /ActualText)");
                    text.watchPages(told);
                }
                renderer.createPDFWithoutClosing();
                if (told != null) {
                    told.allDrawn();
                }
                StageClock.mark("pages drawn (openhtmltopdf createPDF)");
                PDDocument pdfDocument = laidOut.pdf();
                InlineSpans.write(pdfDocument);
                PageCompression.compress(pdfDocument);
                StageClock.mark("/ActualText spans written in place, pages compressed");
                pages = pdfDocument.getNumberOfPages();
                Calendar created = GregorianCalendar.from(info.created());
                created.setTimeZone(TimeZone.getTimeZone(info.created().getZone()));
                ReproducibleOutput.stamp(pdfDocument, info, created);
                if (tagged) {
                    HeadingLevels.normalise(pdfDocument);
                    FootnoteNotes.placeAfterCalls(pdfDocument);
                    ReadingTags.apply(pdfDocument, LinkNames.footnoteLabels(document));
                    StageClock.mark("tags for screen readers");
                }
                ColorProfile.writeRawInto(pdfDocument);
                ChartDataFiles.embed(pdfDocument, info.charts(), created);
                if (firstPageNumber > 1) {
                    labelPagesFrom(pdfDocument, firstPageNumber);
                }
                byte[] fingerprint = tagged ? ReproducibleOutput.fingerprint(xhtml, allowedRoots, guard, info, fonts)
                        : ReproducibleOutput.screenFingerprint(xhtml);
                ReproducibleOutput.setId(pdfDocument, fingerprint);
                pdfDocument.save(raw);
                StageClock.mark("PDF finished: tags, profile, chart data, bytes");
            }
            pdf = XrefStreamEntry.complete(raw.toByteArray()); // qpdf --check: see that class
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            problems.error(null, 0, 0, "The PDF could not be rendered: " + RenderFailure.describe(e));
            return null;
        }
        for (String url : guard.refused()) {
            problems.error(null, 0, 0, "The document asked for " + url + ", which a build may not read.");
        }
        if (problems.hasErrors()) {
            return null;
        }
        try {
            writeAtomically(output, pdf);
        } catch (IOException e) {
            problems.error(output, 0, 0, "The PDF cannot be written: " + e.getMessage() + ".");
            return null;
        }
        return new Result(output, pages, pdf.length, anchorPages, pdf, sourceMap);
    }

    /**
     * Lays the document out as {@link #write} does, with the same float placement passes, without
     * writing a PDF, and answers the first page (as printed) of every element whose id matches;
     * empty after reporting problems. A preview starts its article on the page found here, so
     * these must be the pages.
     */
    public Map<String, Integer> pagesOf(String xhtml, List<Path> allowedRoots, java.util.regex.Pattern anchors,
                                        Problems problems) {
        return layOut(xhtml, allowedRoots, anchors, problems).anchors();
    }

    /**
     * As {@link #pagesOf}, and also where each marked block is printed ({@code digest preview
     * --page-of} asks this, without drawing the pages).
     */
    public Layout layOut(String xhtml, List<Path> allowedRoots, java.util.regex.Pattern anchors, Problems problems) {
        LayoutMemory kept = memory != null ? memory : new LayoutMemory();
        synchronized (kept) {
            return layOut(xhtml, allowedRoots, anchors, problems, kept);
        }
    }

    private Layout layOut(String xhtml, List<Path> allowedRoots, java.util.regex.Pattern anchors,
                          Problems problems, LayoutMemory kept) {
        SourceMap sourceMap = SourceMap.empty();
        ResourceGuard guard = new ResourceGuard(allowedRoots);
        Map<String, Integer> anchorPages = new TreeMap<>();
        try {
            String base = allowedRoots.get(0).toUri().toString();
            try (LaidOut laidOut = passes.place(withPrintStyles(ThinSpaces.rewrite(xhtml)), guard, base, kept).laidOut()) {
                anchorPages.putAll(passes.firstPages(laidOut.renderer(), anchors.asMatchPredicate()));
                sourceMap = SourceBlocks.collect(laidOut.renderer());
            }
        } catch (Exception e) {
            problems.error(null, 0, 0, "The document could not be laid out: " + RenderFailure.describe(e));
        }
        return new Layout(anchorPages, sourceMap);
    }

    /** The styles of the classes the pdf stage itself sets, after the template's. */
    private static String withPrintStyles(String xhtml) {
        int head = xhtml.indexOf("</head>");
        if (head < 0) {
            return xhtml;
        }
        return xhtml.substring(0, head) + "<style type=\"text/css\">\n" + ThinSpaces.CSS + FloatPlacement.CSS + "</style>"
                + xhtml.substring(head);
    }

    /** Viewers then show the page numbers (e.g. 24–26) instead of 1–3. */
    private static void labelPagesFrom(PDDocument document, int first) {
        PDPageLabels labels = new PDPageLabels(document);
        PDPageLabelRange range = new PDPageLabelRange();
        range.setStyle(PDPageLabelRange.STYLE_DECIMAL);
        range.setStart(first);
        labels.setLabelItem(0, range);
        document.getDocumentCatalog().setPageLabels(labels);
    }

    /**
     * Writes {@code bytes} to {@code output} whole or not at all (see {@link AtomicFile}); the
     * other editions write their files through this too.
     */
    public static void writeAtomically(Path output, byte[] bytes) throws IOException {
        AtomicFile.write(output, bytes);
    }
}

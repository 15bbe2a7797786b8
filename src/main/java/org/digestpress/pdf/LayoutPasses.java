package org.digestpress.pdf;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.digestpress.problem.StageClock;

/**
 * The layout passes of one document, for {@link PdfWriter}: the XHTML parsed once, laid out by
 * openhtmltopdf set up for PDF/A-3u and PDF/UA-1 with our fonts, text widths, line breaks and
 * SVG drawer, as often as the {@link FloatPlacement} needs, and what the last layout tells.
 */
final class LayoutPasses {
    private final FontSet fonts;
    private final FSObjectDrawerFactory objectDrawers;
    private final int firstPageNumber;
    /** True when the writer's memory outlives this document: only then are settled parts taken and kept. */
    private final boolean keptBetweenBuilds;
    /** False for a PDF only to be looked at: no structure tree (see {@link PdfWriter#forScreen}). */
    private final boolean tagged;

    LayoutPasses(FontSet fonts, FSObjectDrawerFactory objectDrawers, int firstPageNumber, boolean keptBetweenBuilds,
                 boolean tagged) {
        this.fonts = fonts;
        this.objectDrawers = objectDrawers;
        this.firstPageNumber = firstPageNumber;
        this.keptBetweenBuilds = keptBetweenBuilds;
        this.tagged = tagged;
    }

    /** A document laid out with its floats placed: the DOM as placed, what its passes shared, the last layout. */
    record Placed(org.w3c.dom.Document document, PassMemory memory, LaidOut laidOut,
                          List<org.w3c.dom.Element> unsettled) {
    }

    /**
     * Parses the document and settles its float placement, taking the parts {@code kept} settled
     * before; should those parts share composed text with another part, the document is parsed
     * and placed again without them (see {@link SettledParts}).
     */
    Placed place(String prepared, ResourceGuard guard, String base, LayoutMemory kept) throws Exception {
        // A memory made for this one document has nothing settled to offer, and keeps nothing for later.
        Placed placed = place(prepared, guard, base, kept, keptBetweenBuilds);
        return placed != null ? placed : place(prepared, guard, base, kept, false);
    }

    private Placed place(String prepared, ResourceGuard guard, String base, LayoutMemory kept, boolean reuse)
            throws Exception {
        // Parsed once per placement: the float placement moves blocks in this DOM between layout passes.
        org.w3c.dom.Document document = parse(prepared);
        StageClock.mark("XHTML parsed");
        PassMemory memory = new PassMemory(kept, fonts);
        FloatPlacement placement = reuse ? new FloatPlacement(kept.settledParts(),
                firstPageNumber + "\u0000" + SettledParts.styles(document), memory.breaks(), memory.composer())
                : new FloatPlacement();
        LaidOut laidOut = placement.settle(document, () -> layOut(guard, document, base, memory),
                renderer -> compose(renderer, memory));
        if (placement.mustRedoUncached()) {
            laidOut.close();
            return null;
        }
        return new Placed(document, memory, laidOut, placement.unsettled());
    }

    /**
     * The page (as printed: counted from the first page number) on which each matching element's
     * content begins, the number the contents print. openhtmltopdf's own findPagePositionsByID
     * answers the last page of a box, and only after the PDF is drawn.
     */
    Map<String, Integer> firstPages(PdfBoxRenderer renderer, java.util.function.Predicate<String> anchors) {
        Map<String, Integer> found = new TreeMap<>();
        var ids = renderer.getSharedContext().getIdMap();
        if (ids == null || renderer.getRootBox() == null) {
            return found;
        }
        var pages = renderer.getRootBox().getLayer().getPages();
        for (var entry : ids.entrySet()) {
            if (!anchors.test(entry.getKey())) {
                continue;
            }
            // Where the first line is, as target-counter in the contents does: a box whose top edge
            // is at the foot of one page may begin its text on the next.
            int top = com.openhtmltopdf.render.displaylist.PagedBoxCollector.findContentStartY(entry.getValue());
            for (int i = 0; i < pages.size(); i++) {
                if (top < pages.get(i).getBottom()) {
                    found.put(entry.getKey(), i + firstPageNumber);
                    break;
                }
            }
        }
        return found;
    }

    /**
     * What the layout passes of one build share: measured text widths and parsed SVG images (kept
     * longer when the writer has a {@link LayoutMemory}), and the line breaks the paragraph
     * composer chose.
     */
    record PassMemory(MeasuredWidths.Memory widths, ParsedSvgs.Build svgs, ChosenBreaks.Plan breaks,
                              ParagraphComposer composer) {
        PassMemory(LayoutMemory kept, FontSet fonts) {
            this(kept, fonts, new ChosenBreaks.Plan());
        }

        private PassMemory(LayoutMemory kept, FontSet fonts, ChosenBreaks.Plan breaks) {
            this(kept.measuredWith(fonts), kept.svgs.forBuild(), breaks, new ParagraphComposer(breaks));
        }
    }

    /**
     * Composes the justified paragraphs of a layout pass for the passes after it (see
     * {@link ParagraphComposer#look}); answers the elements whose lines changed.
     */
    private static java.util.Set<org.w3c.dom.Element> compose(PdfBoxRenderer renderer, PassMemory memory) {
        java.util.Set<org.w3c.dom.Element> changed = memory.composer().look(renderer.getRootBox(),
                renderer.getSharedContext().newLayoutContextInstance(), renderer.getRootBox().getLayer().getPages());
        StageClock.mark("paragraphs composed");
        return changed;
    }

    /**
     * One layout of the document as it stands, into a PDF document of its own (each pass
     * makes its own PDF fonts of the shared parsed faces).
     */
    LaidOut layOut(ResourceGuard guard, org.w3c.dom.Document document, String base,
                           PassMemory memory) {
        PDDocument pdf = new PDDocument();
        PdfBoxRenderer renderer = null;
        try {
            renderer = builder(guard, document, base, pdf).buildPdfRenderer();
            var context = renderer.getSharedContext();
            context.setTextRenderer(memory.widths().forPass());
            context.setLineBreaker(new ChosenBreaks(memory.breaks()));
            context.setUserAgentCallback(memory.svgs().wrap(context.getUserAgentCallback()));
            renderer.layout();
            StageClock.mark("layout pass");
            return new LaidOut(renderer, pdf);
        } catch (RuntimeException | Error e) {
            new LaidOut(renderer, pdf).close();
            throw e;
        }
    }

    private PdfRendererBuilder builder(ResourceGuard guard, org.w3c.dom.Document document, String base,
                                       PDDocument pdf) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // Pages drawn uncompressed (all testMode changes), compressed on every core by PageCompression.
        builder.testMode(true);
        builder.usePDDocument(pdf);
        if (firstPageNumber > 1) {
            builder.useInitialPageNumber(firstPageNumber);
        }
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
        // PDF/UA: a structure tree (headings, lists, tables, figures with alt text, links),
        // running headers and page numbers as artifacts, /Tabs /S on every page.
        // Footnotes (float: footnote) keep their place at the page foot in this mode: read in
        // openhtmltopdf 1.1.65 (BoxBuilder, PdfBoxAccessibilityHelper) and checked by
        // ArchiveQualityTest, the footnote area is laid out as without UA and tagged, the call
        // a /Link to the note. So no endnote fallback is needed; FootnoteNotes then moves each
        // note from the page's footnote layer (read after the whole issue) to right after the
        // paragraph that calls it.
        // Off for the screen: openhtmltopdf then lays out and draws the same boxes at the same
        // places and only leaves out the marked content and the structure tree (ScreenPdfTest
        // compares the pictures of both).
        builder.usePdfUaAccessibility(tagged);
        builder.useColorProfile(ColorProfile.SRGB);
        builder.withProducer(Producer.name());
        builder.useProtocolsStreamImplementation(guard, ResourceGuard.PROTOCOLS);
        // Each SVG drawn once per document into a form placed wherever it appears (SharedSvgForms).
        builder.useSVGDrawer(new SharedSvgForms(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE)));
        if (objectDrawers != null) {
            builder.useObjectDrawerFactory(objectDrawers);
        }
        fonts.registerWith(builder, pdf);
        builder.withW3cDocument(document, base);
        builder.toStream(OutputStream.nullOutputStream());
        return builder;
    }

    /** As openhtmltopdf parses XHTML: namespace-aware, no DTD, no external entities. */
    private static org.w3c.dom.Document parse(String xhtml) throws Exception {
        javax.xml.parsers.DocumentBuilder parser = org.digestpress.xml.SecureXml.dom(true, false, false);
        return parser.parse(new org.xml.sax.InputSource(new java.io.StringReader(xhtml)));
    }
}

package org.digestpress.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;
import org.digestpress.assets.Confinement;
import org.digestpress.chart.ChartCompiler.ChartData;
import org.digestpress.problem.Problems;
import org.digestpress.problem.StageClock;

/**
 * Renders the XHTML document to an archival PDF (PDF/A-3u and PDF/UA-1: fonts embedded, sRGB
 * output intent, tagged, the chart data attached) with reproducible bytes, and writes it
 * atomically: the new file appears only when complete, so a failed build never leaves a broken or
 * half-written PDF where the previous one was.
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

    /** Names of temporary files only; nothing that reaches the output. */
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private final FontSet fonts;
    private final FSObjectDrawerFactory objectDrawers;
    private final int firstPageNumber;
    /** What layouts keep between builds; null for a fresh memory per document. */
    private final LayoutMemory memory;

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
        this(fonts, objectDrawers, 1, memory);
    }

    private PdfWriter(FontSet fonts, FSObjectDrawerFactory objectDrawers, int firstPageNumber, LayoutMemory memory) {
        this.fonts = fonts;
        this.objectDrawers = objectDrawers;
        this.firstPageNumber = firstPageNumber;
        this.memory = memory;
    }

    /**
     * A writer whose first page is numbered {@code number}, in {@code counter(page)} and in the
     * PDF's page labels: an offprint carries the page numbers its article has in the issue.
     */
    public PdfWriter startingAtPage(int number) {
        return new PdfWriter(fonts, objectDrawers, Math.max(1, number), memory);
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
            Placed placed = place(withPrintStyles(ThinSpaces.rewrite(xhtml)), guard, base, kept);
            org.w3c.dom.Document document = placed.document();
            PassMemory memory = placed.memory();
            LaidOut settled = placed.laidOut();
            if (!placed.unsettled().isEmpty()) {
                problems.warning(null, 0, 0, FloatPlacement.unsettledWarning(placed.unsettled()));
            }
            java.util.Set<String> indexed = IndexPages.targets(document);
            if (!indexed.isEmpty() && IndexPages.removeRepeats(document, firstPages(settled.renderer(), indexed::contains))) {
                settled.close();
                settled = layOut(guard, document, base, memory);
            }
            try (LaidOut laidOut = settled) {
                PdfBoxRenderer renderer = laidOut.renderer();
                if (anchors != null) {
                    anchorPages.putAll(firstPages(renderer, anchors.asMatchPredicate()));
                }
                sourceMap = SourceBlocks.collect(renderer);
                WordSpaceJustification.apply(renderer.getRootBox(), renderer.getSharedContext().newLayoutContextInstance());
                if (renderer.getSharedContext().getTextRenderer() instanceof MeasuredWidths text) {
                    text.drawLineEnds(LineEnds.of(renderer));
                    StageClock.mark("line ends read (spaces, hyphenated words' /ActualText)");
                }
                renderer.createPDFWithoutClosing();
                StageClock.mark("pages drawn (openhtmltopdf createPDF)");
                PDDocument pdfDocument = laidOut.pdf();
                InlineSpans.write(pdfDocument);
                PageCompression.compress(pdfDocument);
                StageClock.mark("/ActualText spans written in place, pages compressed");
                pages = pdfDocument.getNumberOfPages();
                Calendar created = GregorianCalendar.from(info.created());
                created.setTimeZone(TimeZone.getTimeZone(info.created().getZone()));
                makeReproducible(pdfDocument, info, created);
                HeadingLevels.normalise(pdfDocument);
                FootnoteNotes.placeAfterCalls(pdfDocument);
                ReadingTags.apply(pdfDocument, LinkNames.footnoteLabels(document));
                StageClock.mark("tags for screen readers");
                ColorProfile.writeRawInto(pdfDocument);
                ChartDataFiles.embed(pdfDocument, info.charts(), created);
                if (firstPageNumber > 1) {
                    labelPagesFrom(pdfDocument, firstPageNumber);
                }
                setId(pdfDocument, fingerprint(xhtml, allowedRoots, guard, info));
                pdfDocument.save(raw);
                StageClock.mark("PDF finished: tags, profile, chart data, bytes");
            }
            pdf = XrefStreamEntry.complete(raw.toByteArray()); // qpdf --check: see that class
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            problems.error(null, 0, 0, "The PDF could not be rendered: " + describe(e));
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
            try (LaidOut laidOut = place(withPrintStyles(ThinSpaces.rewrite(xhtml)), guard, base, kept).laidOut()) {
                anchorPages.putAll(firstPages(laidOut.renderer(), anchors.asMatchPredicate()));
                sourceMap = SourceBlocks.collect(laidOut.renderer());
            }
        } catch (Exception e) {
            problems.error(null, 0, 0, "The document could not be laid out: " + describe(e));
        }
        return new Layout(anchorPages, sourceMap);
    }

    /** A document laid out with its floats placed: the DOM as placed, what its passes shared, the last layout. */
    private record Placed(org.w3c.dom.Document document, PassMemory memory, LaidOut laidOut,
                          List<org.w3c.dom.Element> unsettled) {
    }

    /**
     * Parses the document and settles its float placement, taking the parts {@code kept} settled
     * before; should those parts share composed text with another part, the document is parsed
     * and placed again without them (see {@link SettledParts}).
     */
    private Placed place(String prepared, ResourceGuard guard, String base, LayoutMemory kept) throws Exception {
        // A memory made for this one document has nothing settled to offer, and keeps nothing for later.
        Placed placed = place(prepared, guard, base, kept, memory != null);
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
    private Map<String, Integer> firstPages(PdfBoxRenderer renderer, java.util.function.Predicate<String> anchors) {
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
    private record PassMemory(MeasuredWidths.Memory widths, ParsedSvgs.Build svgs, ChosenBreaks.Plan breaks,
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
    private LaidOut layOut(ResourceGuard guard, org.w3c.dom.Document document, String base,
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
        builder.usePdfUaAccessibility(true);
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

    /** The styles of the classes the pdf stage itself sets, after the template's. */
    private static String withPrintStyles(String xhtml) {
        int head = xhtml.indexOf("</head>");
        if (head < 0) {
            return xhtml;
        }
        return xhtml.substring(0, head) + "<style type=\"text/css\">\n" + ThinSpaces.CSS + FloatPlacement.CSS + "</style>"
                + xhtml.substring(head);
    }

    /**
     * What failed, in words. A failure inside Batik, JFreeChart or an image decoder comes from a
     * file the editor can fix, a stack overflow from nesting the templates made, and running out
     * of memory from the size of the input; anything else thrown while laying out or drawing is a
     * bug (ours or a library's), which no change to the templates would fix: it says so, with the
     * exception's type and message, and {@code DIGESTPRESS_DEBUG=1} prints its trace.
     */
    static String describe(Throwable e) {
        String cause = inputCause(e);
        if (cause == null) {
            return org.digestpress.problem.InternalFailure.describe(e) + ".";
        }
        org.digestpress.problem.InternalFailure.printTraceIfDebugging(e);
        return cause;
    }

    /** What in the input a failure points to, or null when it points to none: a bug. */
    private static String inputCause(Throwable e) {
        StringBuilder frames = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                frames.append(frame.getClassName()).append('\n');
            }
        }
        String stack = frames.toString();
        if (e instanceof OutOfMemoryError) {
            return "the document needs more memory than the build has; look for very large images or tables.";
        }
        if (stack.contains("org.apache.batik")) {
            return "an SVG image could not be drawn; open the SVG images in an editor and save them again as plain SVG.";
        }
        if (stack.contains("org.jfree")) {
            return "a chart could not be drawn; check the chart blocks' values.";
        }
        if (stack.contains("javax.imageio") || stack.contains(".image.")) {
            return "an image could not be drawn; save the images again as PNG or JPEG.";
        }
        if (e instanceof StackOverflowError) {
            return "the document nests too deeply for the renderer; look for elements the templates put inside "
                    + "each other without end.";
        }
        return null;
    }

    /**
     * Replaces the clock-dependent parts (creation dates in Info and XMP) with the date,
     * names the producer with its version, and sets the document language in the catalog and XMP.
     */
    private static void makeReproducible(PDDocument document, DocumentInfo info, Calendar created) throws Exception {
        document.getDocumentInformation().setCreationDate(created);
        document.getDocumentInformation().setModificationDate(created);
        document.getDocumentInformation().setCreator(Producer.name());
        document.getDocumentInformation().setProducer(Producer.name());
        document.getDocumentCatalog().setLanguage(info.language());

        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            XMPMetadata xmp;
            try (var in = metadata.exportXMPMetadata()) {
                DomXmpParser parser = new DomXmpParser();
                parser.setStrictParsing(false);
                xmp = parser.parse(in.readAllBytes());
            }
            XMPBasicSchema basic = xmp.getXMPBasicSchema();
            if (basic == null) {
                basic = xmp.createAndAddXMPBasicSchema();
            }
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            basic.setMetadataDate(created);
            basic.setCreatorTool(Producer.name());
            DublinCoreSchema dc = xmp.getDublinCoreSchema();
            if (dc == null) {
                dc = xmp.createAndAddDublinCoreSchema();
            }
            if (dc.getLanguages() == null || !dc.getLanguages().contains(info.language())) {
                dc.addLanguage(info.language());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, out, true);
            PDMetadata replacement = new PDMetadata(document, new ByteArrayInputStream(out.toByteArray()));
            document.getDocumentCatalog().setMetadata(replacement);
        }
    }

    /** Both halves of the trailer /ID: the first 16 bytes of the input fingerprint. */
    private static void setId(PDDocument document, byte[] fingerprint) {
        byte[] id = Arrays.copyOf(fingerprint, 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
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
     * A hash of everything the PDF is made from, for the trailer /ID: the digestpress version, the
     * document with folder locations taken out, every file the renderer read (sorted by its name
     * relative to its root folder, so neither the checkout's location nor a set's iteration order
     * matters), the fonts by name and content, and the chart data.
     */
    private byte[] fingerprint(String xhtml, List<Path> roots, ResourceGuard guard, DocumentInfo info)
            throws IOException {
        MessageDigest digest = org.digestpress.assets.Sha256.digest();
        List<Path> absolute = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        update(digest, Producer.name());
        // The guard hands out real paths (links resolved), so names are taken against real roots;
        // the document may name either form.
        List<Path> real = roots.stream().map(Confinement::real).toList();
        // The source marks are not drawn: the /ID is that of the document without them.
        String located = org.digestpress.markdown.SourceLines.strip(xhtml);
        for (int i = 0; i < absolute.size(); i++) {
            located = located.replace(real.get(i).toUri().toString(), "root" + i + "/")
                    .replace(absolute.get(i).toUri().toString(), "root" + i + "/");
        }
        update(digest, located);
        SortedMap<String, Path> read = new TreeMap<>();
        for (Path file : guard.read()) {
            read.put(relativeName(file, real), file);
        }
        for (Map.Entry<String, Path> file : read.entrySet()) {
            update(digest, file.getKey());
            digest.update(Files.readAllBytes(file.getValue()));
        }
        fonts.fingerprint(digest);
        for (ChartData chart : info.charts()) {
            update(digest, chart.fileName());
            digest.update(chart.csv());
        }
        return digest.digest();
    }

    /** "root0/2025-06/cover.jpg": the file relative to the first root folder that holds it. */
    private static String relativeName(Path file, List<Path> roots) {
        for (int i = 0; i < roots.size(); i++) {
            if (file.startsWith(roots.get(i))) {
                return "root" + i + "/" + roots.get(i).relativize(file).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /**
     * Writes next to the target, then renames, so readers never see a partial file. The temporary
     * file is created like any new file (mode 0666 less the umask, so usually 0644), not with
     * {@code Files.createTempFile}, whose 0600 the rename would keep: a web server publishing the
     * folder could not read the PDF.
     */
    public static void writeAtomically(Path output, byte[] bytes) throws IOException {
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            for (int attempt = 0; temp == null; attempt++) {
                Path candidate = dir.resolve("." + target.getFileName() + "."
                        + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36) + ".tmp");
                try (OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    temp = candidate;
                    out.write(bytes);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Why a file cannot be written, in words, without the name of our temporary file. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? "the system refused it" : e.getMessage();
    }
}

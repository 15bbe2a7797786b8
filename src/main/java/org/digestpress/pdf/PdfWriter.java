package org.digestpress.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
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
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;
import org.digestpress.problem.Problems;

/**
 * Renders the XHTML document to an archival PDF (PDF/A-2u, fonts embedded, sRGB output intent)
 * with reproducible bytes, and writes it atomically: the new file appears only when complete, so
 * a failed build never leaves a broken or half-written PDF where the previous one was.
 */
public final class PdfWriter {

    /**
     * What was written.
     *
     * @param anchors the first page (1-based, as printed) of every element whose id matched the
     *                pattern asked for; empty when none was asked for
     */
    public record Result(Path file, int pages, long bytes, java.util.Map<String, Integer> anchors) {
        public Result {
            anchors = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(anchors));
        }

        public Result(Path file, int pages, long bytes) {
            this(file, pages, bytes, java.util.Map.of());
        }
    }

    private final FontSet fonts;
    private final FSObjectDrawerFactory objectDrawers;
    private final int firstPageNumber;

    static {
        // openhtmltopdf logs every CSS quirk at INFO/WARNING to stderr; problems are our job.
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.SEVERE));
        Logger.getLogger("org.apache.fontbox").setLevel(Level.SEVERE);
        Logger.getLogger("org.apache.pdfbox").setLevel(Level.SEVERE);
    }

    public PdfWriter(FontSet fonts, FSObjectDrawerFactory objectDrawers) {
        this(fonts, objectDrawers, 1);
    }

    private PdfWriter(FontSet fonts, FSObjectDrawerFactory objectDrawers, int firstPageNumber) {
        this.fonts = fonts;
        this.objectDrawers = objectDrawers;
        this.firstPageNumber = firstPageNumber;
    }

    /**
     * A writer whose first page is numbered {@code number}, in {@code counter(page)} and in the
     * PDF's page labels: an offprint carries the page numbers its article has in the issue.
     */
    public PdfWriter startingAtPage(int number) {
        return new PdfWriter(fonts, objectDrawers, Math.max(1, number));
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
     * of every element whose id matches {@code anchors} (null for none) in the result.
     */
    public Result write(String xhtml, List<Path> allowedRoots, Path output, DocumentInfo info, Problems problems,
                        java.util.regex.Pattern anchors) {
        ResourceGuard guard = new ResourceGuard(allowedRoots);
        byte[] pdf;
        int pages;
        java.util.Map<String, Integer> anchorPages = new java.util.TreeMap<>();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (firstPageNumber > 1) {
                builder.useInitialPageNumber(firstPageNumber);
            }
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
            builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            builder.withProducer("digestpress");
            builder.useProtocolsStreamImplementation(guard, ResourceGuard.PROTOCOLS);
            builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                    BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            if (objectDrawers != null) {
                builder.useObjectDrawerFactory(objectDrawers);
            }
            fonts.registerWith(builder);
            builder.withHtmlContent(xhtml, allowedRoots.get(0).toUri().toString());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            builder.toStream(OutputStream.nullOutputStream());
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                if (anchors != null) {
                    anchorPages.putAll(firstPages(renderer, anchors));
                }
                renderer.createPDFWithoutClosing();
                PDDocument document = renderer.getPdfDocument();
                pages = document.getNumberOfPages();
                makeReproducible(document, info, fingerprint(xhtml, allowedRoots, guard));
                if (firstPageNumber > 1) {
                    labelPagesFrom(document, firstPageNumber);
                }
                document.save(raw);
            }
            pdf = raw.toByteArray();
        } catch (Exception e) {
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
        return new Result(output, pages, pdf.length, anchorPages);
    }

    /**
     * Lays the document out without writing a PDF and answers the first page (1-based) of every
     * element whose id matches; empty after reporting problems.
     */
    public java.util.Map<String, Integer> pagesOf(String xhtml, List<Path> allowedRoots,
                                                  java.util.regex.Pattern anchors, Problems problems) {
        ResourceGuard guard = new ResourceGuard(allowedRoots);
        java.util.Map<String, Integer> anchorPages = new java.util.TreeMap<>();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (firstPageNumber > 1) {
                builder.useInitialPageNumber(firstPageNumber);
            }
            builder.useProtocolsStreamImplementation(guard, ResourceGuard.PROTOCOLS);
            builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                    BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            if (objectDrawers != null) {
                builder.useObjectDrawerFactory(objectDrawers);
            }
            fonts.registerWith(builder);
            builder.withHtmlContent(xhtml, allowedRoots.get(0).toUri().toString());
            builder.toStream(OutputStream.nullOutputStream());
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                anchorPages.putAll(firstPages(renderer, anchors));
            }
        } catch (Exception e) {
            problems.error(null, 0, 0, "The document could not be laid out: " + describe(e));
        }
        return anchorPages;
    }

    /**
     * The page (1-based) on which each matching element's content begins, the number the contents
     * print. openhtmltopdf's own findPagePositionsByID answers the last page of a box, and only
     * after the PDF is drawn.
     */
    private static java.util.Map<String, Integer> firstPages(PdfBoxRenderer renderer, java.util.regex.Pattern anchors) {
        java.util.Map<String, Integer> found = new java.util.TreeMap<>();
        var ids = renderer.getSharedContext().getIdMap();
        if (ids == null || renderer.getRootBox() == null) {
            return found;
        }
        var pages = renderer.getRootBox().getLayer().getPages();
        for (var entry : ids.entrySet()) {
            if (!anchors.matcher(entry.getKey()).matches()) {
                continue;
            }
            // Where the first line is, as target-counter in the contents does: a box whose top edge
            // is at the foot of one page may begin its text on the next.
            int top = com.openhtmltopdf.render.displaylist.PagedBoxCollector.findContentStartY(entry.getValue());
            for (int i = 0; i < pages.size(); i++) {
                if (top < pages.get(i).getBottom()) {
                    found.put(entry.getKey(), i + 1);
                    break;
                }
            }
        }
        return found;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Replaces the clock-dependent parts (creation dates in Info and XMP, the trailer /ID) with
     * values derived from the input, and sets the document language.
     */
    private static void makeReproducible(PDDocument document, DocumentInfo info, byte[] fingerprint) throws Exception {
        Calendar created = GregorianCalendar.from(info.created());
        created.setTimeZone(TimeZone.getTimeZone(info.created().getZone()));
        document.getDocumentInformation().setCreationDate(created);
        document.getDocumentInformation().setModificationDate(created);
        document.getDocumentInformation().setCreator("digestpress");
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
            basic.setCreatorTool("digestpress");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, out, true);
            PDMetadata replacement = new PDMetadata(document, new ByteArrayInputStream(out.toByteArray()));
            document.getDocumentCatalog().setMetadata(replacement);
        }
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
     * A hash of the inputs for the trailer /ID. Folder locations are taken out first: the same
     * publication built in another checkout must give the same bytes.
     */
    private static byte[] fingerprint(String xhtml, List<Path> roots, ResourceGuard guard) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String located = xhtml;
            for (int i = 0; i < roots.size(); i++) {
                located = located.replace(roots.get(i).toAbsolutePath().normalize().toUri().toString(), "root" + i + "/");
            }
            digest.update(located.getBytes(StandardCharsets.UTF_8));
            for (Path file : guard.read()) {
                digest.update(Files.readAllBytes(file));
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Writes next to the target, then renames, so readers never see a partial file. */
    static void writeAtomically(Path output, byte[] bytes) throws IOException {
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        Path temp;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        } catch (IOException e) {
            // The exception names the temporary file, which the editor never asked for: say why instead.
            throw new IOException(reason(e), e);
        }
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        } finally {
            Files.deleteIfExists(temp);
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

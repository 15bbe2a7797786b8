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

    /** What was written. */
    public record Result(Path file, int pages, long bytes) {
    }

    private final FontSet fonts;
    private final FSObjectDrawerFactory objectDrawers;

    static {
        // openhtmltopdf logs every CSS quirk at INFO/WARNING to stderr; problems are our job.
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.SEVERE));
        Logger.getLogger("org.apache.fontbox").setLevel(Level.SEVERE);
        Logger.getLogger("org.apache.pdfbox").setLevel(Level.SEVERE);
    }

    public PdfWriter(FontSet fonts, FSObjectDrawerFactory objectDrawers) {
        this.fonts = fonts;
        this.objectDrawers = objectDrawers;
    }

    /**
     * @param xhtml        the complete document
     * @param allowedRoots folders the renderer may read images from
     * @param output       where the PDF goes; replaced only on success
     * @return the result, or null after reporting problems
     */
    public Result write(String xhtml, List<Path> allowedRoots, Path output, DocumentInfo info, Problems problems) {
        ResourceGuard guard = new ResourceGuard(allowedRoots);
        byte[] pdf;
        int pages;
        try {
            // Parsed once: the float placement moves blocks in this DOM between layout passes.
            org.w3c.dom.Document document = parse(withPrintStyles(ThinSpaces.rewrite(xhtml)));
            String base = allowedRoots.get(0).toUri().toString();
            FloatPlacement floats = new FloatPlacement();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int pass = 1; ; pass++) {
                try (PdfBoxRenderer renderer = builder(guard, document, base).buildPdfRenderer()) {
                    renderer.layout();
                    if (pass < FloatPlacement.MAX_PASSES && floats.improve(renderer)) {
                        continue;
                    }
                    renderer.createPDFWithoutClosing();
                    PDDocument pdfDocument = renderer.getPdfDocument();
                    pages = pdfDocument.getNumberOfPages();
                    makeReproducible(pdfDocument, info, fingerprint(xhtml, allowedRoots, guard));
                    pdfDocument.save(raw);
                    break;
                }
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
        return new Result(output, pages, pdf.length);
    }

    private PdfRendererBuilder builder(ResourceGuard guard, org.w3c.dom.Document document, String base) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
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
        builder.withW3cDocument(document, base);
        builder.toStream(OutputStream.nullOutputStream());
        return builder;
    }

    /** As openhtmltopdf parses XHTML: namespace-aware, no DTD, no external entities. */
    private static org.w3c.dom.Document parse(String xhtml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        javax.xml.parsers.DocumentBuilder parser = factory.newDocumentBuilder();
        parser.setErrorHandler(null);
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

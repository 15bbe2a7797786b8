package org.digestpress.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;
import org.digestpress.assets.Confinement;
import org.digestpress.chart.ChartCompiler.ChartData;

/**
 * What makes two builds of the same input the same bytes: the dates in Info and XMP are the
 * issue's, not the clock's, and the trailer /ID is a hash of the inputs, not a random one.
 */
final class ReproducibleOutput {
    private ReproducibleOutput() {
    }

    /**
     * Replaces the clock-dependent parts (creation dates in Info and XMP) with the date,
     * names the producer with its version, and sets the document language in the catalog and XMP.
     */
    static void stamp(PDDocument document, DocumentInfo info, Calendar created) throws Exception {
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
    static void setId(PDDocument document, byte[] fingerprint) {
        byte[] id = Arrays.copyOf(fingerprint, 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * A hash of everything the PDF is made from, for the trailer /ID: the digestpress version, the
     * document with folder locations taken out, every file the renderer read (sorted by its name
     * relative to its root folder, so neither the checkout's location nor a set's iteration order
     * matters), the fonts by name and content, and the chart data.
     */
    static byte[] fingerprint(String xhtml, List<Path> roots, ResourceGuard guard, DocumentInfo info, FontSet fonts)
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

    /**
     * The /ID of a PDF only to be looked at ({@link PdfWriter#forScreen}): a hash of the digestpress
     * version and the document alone. Reading every image and font again for the full
     * {@link #fingerprint} cost a build 20 ms that nobody looking at its pages needs.
     */
    static byte[] screenFingerprint(String xhtml) {
        MessageDigest digest = org.digestpress.assets.Sha256.digest();
        update(digest, Producer.name());
        update(digest, xhtml);
        return digest.digest();
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}

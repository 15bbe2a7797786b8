package org.digestpress.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * The sRGB profile of the PDF/A output intent. It is bundled (sRGB.icc, from Debian's
 * icc-profiles-free, zlib licence: sRGB-LICENSE.txt) rather than taken from the JDK, whose sRGB
 * profile differs between releases (JDK 17 writes platform APPL in the header, JDK 25 MSFT).
 */
final class ColorProfile {

    /** The bundled profile's bytes. */
    static final byte[] SRGB = load();

    private ColorProfile() {
    }

    private static byte[] load() {
        try (InputStream in = ColorProfile.class.getResourceAsStream("sRGB.icc")) {
            if (in == null) {
                throw new IllegalStateException("sRGB.icc is missing from the digestpress classes.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the bundled bytes, unchanged, into every output intent's profile stream. PDFBox builds
     * the stream through {@code java.awt.color.ICC_Profile}, which rewrites the header the JDK's
     * way; writing the raw bytes keeps the PDF identical on every JDK.
     */
    static void writeRawInto(PDDocument document) throws IOException {
        for (PDOutputIntent intent : document.getDocumentCatalog().getOutputIntents()) {
            COSStream profile = intent.getDestOutputIntent();
            if (profile == null) {
                continue;
            }
            profile.removeItem(COSName.N);
            try (OutputStream out = profile.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(SRGB);
            }
            profile.setInt(COSName.N, 3);
        }
    }
}

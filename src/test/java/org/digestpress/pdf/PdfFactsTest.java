package org.digestpress.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance an archive records is what the PDF's XMP claims, in either XMP spelling. */
class PdfFactsTest {

    @TempDir
    Path temp;

    private PdfFacts withXmp(String xmp) throws IOException {
        Path file = temp.resolve("t.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.addPage(new PDPage());
            if (xmp != null) {
                document.getDocumentCatalog().setMetadata(new PDMetadata(document,
                        new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8))));
            }
            document.save(file.toFile());
        }
        return PdfFacts.read(file);
    }

    @Test
    void readsAttributesAndElements() throws IOException {
        PdfFacts attributes = withXmp("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:Description pdfaid:part=\"3\" "
                + "pdfaid:conformance=\"U\" pdfuaid:part=\"1\"/></x:xmpmeta>");
        assertEquals("PDF/A-3u", attributes.pdfa());
        assertEquals("PDF/UA-1", attributes.pdfua());
        assertEquals(2, attributes.pages());
        PdfFacts elements = withXmp("<rdf:Description><pdfaid:part>2</pdfaid:part>"
                + "<pdfaid:conformance>U</pdfaid:conformance></rdf:Description>");
        assertEquals("PDF/A-2u", elements.pdfa());
        assertEquals("none", elements.pdfua());
    }

    @Test
    void noMetadataClaimsNothing() throws IOException {
        PdfFacts none = withXmp(null);
        assertEquals("none", none.pdfa());
        assertEquals("none", none.pdfua());
        assertEquals(0, none.articles().size());
    }
}

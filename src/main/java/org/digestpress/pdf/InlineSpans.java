package org.digestpress.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Writes the /ActualText spans {@link LineEnds} drew into the page content itself. PDFBox's
 * content stream (through openhtmltopdf's adapter, the only way to draw into the page) puts a
 * marked-content dictionary other than a bare MCID into the page's /Properties and names it in the
 * content ({@code /Span /Prop7 BDC}). The PDF allows that, and PDFBox reads it, but poppler
 * 22 (pdftotext, Evince and the other viewers built on it) reads /ActualText only from a
 * dictionary written in place ({@code /Span <</ActualText (…)>> BDC}). So each such reference
 * becomes the dictionary itself and the property list goes. A byte search for the references,
 * no parsing: PDFBox writes every operator on a line of its own and writes a string that holds
 * a line-end byte in hex, so {@code "/Span /PropN BDC\n"} cannot occur inside a string.
 */
final class InlineSpans {
    private static final byte[] REFERENCE = "\n/Span /".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BDC = " BDC\n".getBytes(StandardCharsets.US_ASCII);

    private InlineSpans() {
    }

    static void write(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            COSDictionary properties = page.getResources() == null ? null
                    : page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
            if (properties == null) {
                continue;
            }
            Map<String, byte[]> spans = new HashMap<>();
            for (COSName name : properties.keySet()) {
                if (properties.getDictionaryObject(name) instanceof COSDictionary dict && dict.size() == 1
                        && dict.getDictionaryObject(COSName.ACTUAL_TEXT) instanceof org.apache.pdfbox.cos.COSString text) {
                    spans.put(name.getName(), ("<</ActualText <" + HexFormat.of().withUpperCase().formatHex(text.getBytes())
                            + ">>>").getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (spans.isEmpty() || !(page.getCOSObject().getDictionaryObject(COSName.CONTENTS) instanceof COSStream stream)) {
                continue;
            }
            byte[] content;
            try (InputStream in = stream.createInputStream()) {
                content = in.readAllBytes();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 32 * spans.size());
            int copied = 0;
            for (int at = indexOf(content, REFERENCE, 0); at >= 0; at = indexOf(content, REFERENCE, at + 1)) {
                int nameStart = at + REFERENCE.length;
                int nameEnd = nameStart;
                while (nameEnd < content.length && content[nameEnd] != ' ' && content[nameEnd] != '\n') {
                    nameEnd++;
                }
                byte[] inline = spans.get(new String(content, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII));
                if (inline != null && startsWith(content, BDC, nameEnd)) {
                    out.write(content, copied, nameStart - 1 - copied);
                    out.write(inline);
                    copied = nameEnd;
                }
            }
            out.write(content, copied, content.length - copied);
            // as it was drawn: uncompressed, for PageCompression
            try (OutputStream to = stream.createOutputStream()) {
                out.writeTo(to);
            }
            for (String name : spans.keySet()) {
                properties.removeItem(COSName.getPDFName(name));
            }
        }
    }

    private static boolean startsWith(byte[] data, byte[] pattern, int at) {
        if (at + pattern.length > data.length) {
            return false;
        }
        for (int j = 0; j < pattern.length; j++) {
            if (data[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code pattern} occurs in {@code data} from {@code from} on, or -1. */
    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i + pattern.length <= data.length; i++) {
            if (data[i] != pattern[0]) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

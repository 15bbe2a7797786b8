package org.digestpress.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Compresses the pages' content streams on every core, after they are drawn. openhtmltopdf
 * compresses each page as it finishes drawing it, on the one drawing thread, and the /ActualText
 * spans then had to inflate, rewrite and compress most pages again ({@link InlineSpans}); the
 * largest single cost of a warm build's PDF writing was zlib. So the pages are drawn uncompressed
 * (openhtmltopdf's {@code testMode} does only that), rewritten as they are, and compressed here,
 * each page on its own, exactly as PDFBox's {@code FlateFilter} would (same level, same stream,
 * {@code /Length} before {@code /Filter}): the bytes of the PDF are those of compressing while
 * drawing.
 */
final class PageCompression {

    private PageCompression() {
    }

    static void compress(PDDocument document) throws IOException {
        List<COSStream> streams = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            if (contents instanceof COSStream stream) {
                addIfRaw(streams, stream);
            } else if (contents instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.getObject(i) instanceof COSStream stream) {
                        addIfRaw(streams, stream);
                    }
                }
            }
        }
        byte[][] raw = new byte[streams.size()][];
        for (int i = 0; i < raw.length; i++) {
            try (InputStream in = streams.get(i).createRawInputStream()) {
                raw[i] = in.readAllBytes();
            }
        }
        int level = Filter.getCompressionLevel();
        byte[][] packed = new byte[raw.length][];
        try {
            IntStream.range(0, raw.length).parallel().forEach(i -> packed[i] = deflate(raw[i], level));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < packed.length; i++) {
            COSStream stream = streams.get(i);
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(packed[i]);
            }
        }
    }

    private static void addIfRaw(List<COSStream> streams, COSStream stream) {
        if (stream.getItem(COSName.FILTER) == null && stream.getItem(COSName.DECODE_PARMS) == null) {
            streams.add(stream);
        }
    }

    /** As PDFBox's FlateFilter.encode writes it. */
    private static byte[] deflate(byte[] raw, int level) {
        Deflater deflater = new Deflater(level);
        try {
            ByteArrayOutputStream encoded = new ByteArrayOutputStream(raw.length / 3 + 64);
            try (DeflaterOutputStream out = new DeflaterOutputStream(encoded, deflater)) {
                IOUtils.copy(new ByteArrayInputStream(raw), out);
            }
            return encoded.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
    }
}

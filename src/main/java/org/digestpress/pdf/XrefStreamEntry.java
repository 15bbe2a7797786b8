package org.digestpress.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Completes the cross-reference stream PDFBox 3.0.7 writes: it gives the stream the next object
 * number and counts it in {@code /Size}, but leaves it out of its own {@code /Index}, so
 * {@code qpdf --check} reports on every file that the "reported number of objects is not one plus
 * the highest object number" and exits 3 (COSWriter.doWriteXRefInc sets {@code /Size} to
 * {@code number + 2} for exactly that object). This adds the stream's own entry, as other writers
 * do. Only the last object of the file changes and it stays where it was, so no other offset moves
 * and {@code startxref} stays right. Saving without object streams would also satisfy qpdf, but
 * made the sample 2.4 times larger (405 KB to 971 KB): its structure tree is thousands of small
 * objects. A file this does not recognise is left as it is.
 */
final class XrefStreamEntry {

    private static final Pattern NUMBER = Pattern.compile("^(\\d+) 0 obj");
    private static final Pattern W = Pattern.compile("/W\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");
    private static final Pattern INDEX = Pattern.compile("/Index\\s*\\[([\\d\\s]*)\\]");
    private static final Pattern SIZE = Pattern.compile("/Size\\s+(\\d+)");
    private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d+)");

    private XrefStreamEntry() {
    }

    static byte[] complete(byte[] pdf) {
        try {
            return completed(pdf);
        } catch (RuntimeException | DataFormatException e) {
            return pdf; // not the shape PDFBox writes: leave it alone rather than risk it
        }
    }

    private static byte[] completed(byte[] pdf) throws DataFormatException {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int startxref = text.lastIndexOf("startxref");
        int offset = Integer.parseInt(text.substring(startxref + "startxref".length()).strip().split("\\s+")[0]);
        int keyword = text.indexOf("stream", offset);
        String header = text.substring(offset, keyword);
        Matcher number = NUMBER.matcher(header);
        Matcher w = W.matcher(header);
        Matcher length = LENGTH.matcher(header);
        if (!header.contains("/XRef") || !header.contains("/FlateDecode") || header.contains("/DecodeParms")
                || header.contains("/Prev") || !number.find() || !w.find() || !length.find()) {
            return pdf;
        }
        int self = Integer.parseInt(number.group(1));
        int[] widths = {Integer.parseInt(w.group(1)), Integer.parseInt(w.group(2)), Integer.parseInt(w.group(3))};
        List<Integer> index = new ArrayList<>();
        Matcher declared = INDEX.matcher(header);
        if (declared.find()) {
            for (String n : declared.group(1).strip().split("\\s+")) {
                index.add(Integer.parseInt(n));
            }
        } else {
            Matcher size = SIZE.matcher(header);
            if (!size.find()) {
                return pdf;
            }
            index.add(0);
            index.add(Integer.parseInt(size.group(1)));
        }
        int rows = 0;
        for (int i = 0; i + 1 < index.size(); i += 2) {
            if (self >= index.get(i) && self < index.get(i) + index.get(i + 1)) {
                return pdf; // it lists itself already
            }
            if (index.get(i) + index.get(i + 1) > self) {
                return pdf; // an entry above it: not the layout described above
            }
            rows += index.get(i + 1);
        }
        int dataStart = keyword + "stream".length() + (text.startsWith("\r\n", keyword + 6) ? 2 : 1);
        int dataLength = Integer.parseInt(length.group(1));
        byte[] table = inflate(pdf, dataStart, dataLength);
        int rowWidth = widths[0] + widths[1] + widths[2];
        if (table.length != rows * rowWidth) {
            return pdf;
        }
        int offsetWidth = Math.max(widths[1], bytesFor(offset));
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        for (int r = 0; r < rows; r++) {
            int at = r * rowWidth;
            write(rewritten, field(table, at, widths[0]), widths[0]);
            write(rewritten, field(table, at + widths[0], widths[1]), offsetWidth);
            write(rewritten, field(table, at + widths[0] + widths[1], widths[2]), widths[2]);
        }
        write(rewritten, 1, widths[0]);
        write(rewritten, offset, offsetWidth);
        write(rewritten, 0, widths[2]);
        byte[] data = deflate(rewritten.toByteArray());

        int last = index.size() - 2;
        if (last >= 0 && index.get(last) + index.get(last + 1) == self) {
            index.set(last + 1, index.get(last + 1) + 1); // [0 5720] becomes [0 5721]
        } else {
            index.add(self);
            index.add(1);
        }
        StringBuilder newIndex = new StringBuilder("/Index [");
        for (int i = 0; i < index.size(); i++) {
            newIndex.append(i == 0 ? "" : " ").append(index.get(i));
        }
        newIndex.append(']');
        String newHeader = header;
        newHeader = declared.reset().find() ? declared.replaceFirst(Matcher.quoteReplacement(newIndex.toString()))
                : newHeader.replaceFirst("/W", Matcher.quoteReplacement(newIndex + "\n/W"));
        newHeader = W.matcher(newHeader).replaceFirst("/W [" + widths[0] + " " + offsetWidth + " " + widths[2] + "]");
        newHeader = LENGTH.matcher(newHeader).replaceFirst("/Length " + data.length);

        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64);
        out.write(pdf, 0, offset);
        out.writeBytes(newHeader.getBytes(StandardCharsets.ISO_8859_1));
        out.write(pdf, keyword, dataStart - keyword);
        out.writeBytes(data);
        out.write(pdf, dataStart + dataLength, pdf.length - dataStart - dataLength);
        return out.toByteArray();
    }

    private static int bytesFor(long value) {
        int n = 1;
        while (value >= 1L << (8 * n)) {
            n++;
        }
        return n;
    }

    private static long field(byte[] table, int at, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (table[at + i] & 0xff);
        }
        return v;
    }

    private static void write(ByteArrayOutputStream out, long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static byte[] inflate(byte[] pdf, int start, int length) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, start, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated cross-reference stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflate(byte[] bytes) {
        // PDFBox's own level, as every other stream of the file: at the best compression zlib took
        // 24 ms of a warm 32-page build on the repetitive rows of the table, for a few hundred bytes.
        Deflater deflater = new Deflater(org.apache.pdfbox.filter.Filter.getCompressionLevel());
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}

package org.digestpress.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A TrueType font as WOFF 1.0 (W3C, 2012): the same tables, each zlib-compressed when that makes
 * it smaller, behind a 44-byte header and a table directory. WOFF 2.0 would be about a third
 * smaller again, but its Brotli and glyph transforms have no encoder on Maven Central that a build
 * could keep (see the README); every browser of the last ten years reads WOFF 1.0.
 */
final class Woff {

    private static final int SFNT_HEADER = 12;
    private static final int SFNT_ENTRY = 16;
    private static final int WOFF_HEADER = 44;
    private static final int WOFF_ENTRY = 20;

    private Woff() {
    }

    /** The tables of a TrueType file, by tag, sorted (as the WOFF and sfnt directories want them). */
    static Map<String, byte[]> tables(byte[] ttf) {
        ByteBuffer in = ByteBuffer.wrap(ttf);
        int count = in.getShort(4) & 0xffff;
        Map<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int entry = SFNT_HEADER + i * SFNT_ENTRY;
            String tag = new String(ttf, entry, 4, StandardCharsets.ISO_8859_1);
            int offset = in.getInt(entry + 8);
            int length = in.getInt(entry + 12);
            byte[] table = new byte[length];
            System.arraycopy(ttf, offset, table, 0, length);
            tables.put(tag, table);
        }
        return tables;
    }

    /**
     * The WOFF file of these tables. The {@code head} table's checksum adjustment is computed
     * again for the font they make together, since a caller may have replaced a table.
     */
    static byte[] write(Map<String, byte[]> tables) {
        Map<String, byte[]> sorted = new TreeMap<>(tables);
        byte[] head = sorted.get("head").clone();
        ByteBuffer.wrap(head).putInt(8, 0);
        sorted.put("head", head);
        int n = sorted.size();
        long sum = sfntHeaderChecksum(n);
        int sfntSize = SFNT_HEADER + SFNT_ENTRY * n;
        for (Map.Entry<String, byte[]> t : sorted.entrySet()) {
            long checksum = checksum(t.getValue());
            // in the sfnt's directory: tag, checksum, offset, length; then the table itself
            sum += tagValue(t.getKey()) + checksum + sfntSize + t.getValue().length + checksum;
            sfntSize += align(t.getValue().length);
        }
        ByteBuffer.wrap(head).putInt(8, (int) (0xB1B0AFBAL - (sum & 0xffffffffL)));

        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer directory = ByteBuffer.allocate(WOFF_ENTRY * n);
        int offset = WOFF_HEADER + WOFF_ENTRY * n;
        for (Map.Entry<String, byte[]> t : sorted.entrySet()) {
            byte[] original = t.getValue();
            byte[] compressed = deflate(original);
            byte[] stored = compressed.length < original.length ? compressed : original;
            directory.put(t.getKey().getBytes(StandardCharsets.ISO_8859_1));
            directory.putInt(offset + data.size());
            directory.putInt(stored.length);
            directory.putInt(original.length);
            directory.putInt((int) checksum(original));
            data.write(stored, 0, stored.length);
            data.write(new byte[align(stored.length) - stored.length], 0, align(stored.length) - stored.length);
        }
        ByteBuffer header = ByteBuffer.allocate(WOFF_HEADER);
        header.put("wOFF".getBytes(StandardCharsets.ISO_8859_1));
        header.putInt(0x00010000);
        header.putInt(WOFF_HEADER + WOFF_ENTRY * n + data.size());
        header.putShort((short) n);
        header.putShort((short) 0);
        header.putInt(sfntSize);
        header.putShort((short) 1);
        header.putShort((short) 0);
        // no metadata block and no private block: the offsets and lengths stay 0
        ByteArrayOutputStream out = new ByteArrayOutputStream(WOFF_HEADER + directory.capacity() + data.size());
        out.write(header.array(), 0, WOFF_HEADER);
        out.write(directory.array(), 0, directory.capacity());
        out.write(data.toByteArray(), 0, data.size());
        return out.toByteArray();
    }

    /**
     * A {@code name} table of Windows Unicode (en-US) records only, ids 0–6 and 13 as given: a
     * browser reads the font's name nowhere, but the licence of a modified font may ask for a new one.
     */
    static byte[] nameTable(Map<Integer, String> names) {
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteBuffer records = ByteBuffer.allocate(6 + 12 * names.size());
        records.putShort((short) 0);
        records.putShort((short) names.size());
        records.putShort((short) (6 + 12 * names.size()));
        for (Map.Entry<Integer, String> name : new TreeMap<>(names).entrySet()) {
            byte[] text = name.getValue().getBytes(StandardCharsets.UTF_16BE);
            records.putShort((short) 3).putShort((short) 1).putShort((short) 0x409).putShort(name.getKey().shortValue());
            records.putShort((short) text.length).putShort((short) strings.size());
            strings.write(text, 0, text.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(records.array(), 0, records.capacity());
        out.write(strings.toByteArray(), 0, strings.size());
        return out.toByteArray();
    }

    private static long sfntHeaderChecksum(int tables) {
        int power = Integer.highestOneBit(tables);
        int searchRange = power * 16;
        int entrySelector = Integer.numberOfTrailingZeros(power);
        int rangeShift = tables * 16 - searchRange;
        return 0x00010000L + ((long) tables << 16 | searchRange) + ((long) entrySelector << 16 | rangeShift);
    }

    static long checksum(byte[] table) {
        long sum = 0;
        for (int i = 0; i < table.length; i++) {
            sum += (table[i] & 0xffL) << (24 - i % 4 * 8);
        }
        return sum & 0xffffffffL;
    }

    private static long tagValue(String tag) {
        return checksum(tag.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static int align(int length) {
        return (length + 3) & ~3;
    }

    /** zlib at its best compression, as WOFF stores a table. */
    private static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out, deflater)) {
            zlib.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
